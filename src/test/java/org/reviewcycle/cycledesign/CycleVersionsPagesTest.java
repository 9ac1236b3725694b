package org.reviewcycle.cycledesign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewcycle.demo.DemoSchool;
import org.reviewcycle.history.AdministrationHistory;
import org.reviewcycle.process.AnnualReviewCycleProcess;
import org.reviewcycle.school.School;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.AsPerson;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Versions as a script meets them: the diff's page and a version's files, publishing an earlier
 * version again, the trust's default cycle and a school adopting it. Every new page and endpoint
 * refuses another school's admin, a head and a plain member of staff (and the trust's pages a
 * school's own admin), and nothing is deployed or published then.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class CycleVersionsPagesTest {

    static final String RENAMED = "Hold the planning meeting together";

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired RepositoryService repository;
    @Autowired CycleDesignService design;
    @Autowired TrustCycleService trust;
    @Autowired AdministrationHistory history;
    @Autowired ObjectMapper json;

    TestSchool school;
    RequestPostProcessor admin;

    @BeforeEach
    void aSchoolOfItsOwn() {
        school = TestSchool.create(schools, staff);
        admin = new AsPerson(users).as("admin");
    }

    @AfterEach
    void loggedOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anotherSchoolsAdminAHeadAndPlainStaffAreRefusedEveryNewPageAndNothingIsPublished() throws Exception {
        School littletown = schools.findSchool(DemoSchool.CODE).orElseThrow();
        String base = "/admin/schools/" + littletown.id() + "/cycle-model";
        List<Integer> before = versions(littletown);
        int trustBefore = trust.currentVersion();
        String model = trust.content("AnnualReviewCycle.bpmn");
        for (String username : new String[] {"teacher.mpg", "hc.admin", "head"}) {
            var person = new AsPerson(users).as(username);
            mvc.perform(get(base + "/versions/1/diff").with(person)).andExpect(status().isForbidden());
            mvc.perform(get(base + "/versions/1/files/AnnualReviewCycle.bpmn").with(person))
                    .andExpect(status().isForbidden());
            mvc.perform(post(base + "/versions/1/roll-back").param("reason", "Taken over").with(csrf()).with(person))
                    .andExpect(status().isForbidden());
            mvc.perform(post(base + "/adopt").with(csrf()).with(person)).andExpect(status().isForbidden());
            mvc.perform(post(base + "/keep-own").with(csrf()).with(person)).andExpect(status().isForbidden());
        }
        // the trust's default is the trust admins' alone: a school's own admin is refused it too
        for (String username : new String[] {"teacher.mpg", "hc.admin", "head"}) {
            var person = new AsPerson(users).as(username);
            mvc.perform(get("/admin/trust/cycle-model").with(person)).andExpect(status().isForbidden());
            mvc.perform(get("/admin/trust/cycle-model/edit/AnnualReviewCycle.bpmn").with(person))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/admin/trust/cycle-model/files/AnnualReviewCycle.bpmn").with(person))
                    .andExpect(status().isForbidden());
            mvc.perform(publish("/admin/trust/cycle-model/files/AnnualReviewCycle.bpmn", model, "Taken over",
                    littletown.id()).with(person)).andExpect(status().isForbidden());
        }
        assertThat(versions(littletown)).isEqualTo(before);
        assertThat(trust.currentVersion()).isEqualTo(trustBefore);
    }

    @Test
    void theDiffComparesAVersionWithTheOneBeforeInWordsAndServesBothModels() throws Exception {
        School own = school.school();
        actAs("admin");
        String form = design.content(own, "SelfReflection.form").replace("\"label\": \"Your strengths\"",
                "\"label\": \"What you do well\"");
        design.publish(own, "SelfReflection.form", form, "Plainer words");
        String base = "/admin/schools/" + own.id() + "/cycle-model";

        mvc.perform(get(base).with(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString(base + "/versions/2/diff")))
                .andExpect(content().string(containsString("Publish version 1 again")));
        mvc.perform(get(base + "/versions/2/diff").with(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("What changed in version 2")))
                .andExpect(content().string(containsString("The form SelfReflection changed.")))
                .andExpect(content().string(containsString("The review plan decision did not change.")))
                .andExpect(content().string(containsString("data-before-url=\"" + base + "/versions/1/files/AnnualReviewCycle.bpmn\"")))
                .andExpect(content().string(containsString("data-after-url=\"" + base + "/versions/2/files/AnnualReviewCycle.bpmn\"")));
        mvc.perform(get(base + "/versions/1/files/SelfReflection.form").with(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Your strengths")));
        mvc.perform(get(base + "/versions/2/files/SelfReflection.form").with(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("What you do well")));
        mvc.perform(get(base + "/versions/9/diff").with(admin)).andExpect(status().isNotFound());
        mvc.perform(get(base + "/versions/1/files/application.properties").with(admin)).andExpect(status().isNotFound());
        mvc.perform(get(base + "/versions/two/diff").with(admin)).andExpect(status().isBadRequest());
    }

    @Test
    void anEarlierVersionIsPublishedAgainAsTheNextOneAndTheVersionsBetweenStay() throws Exception {
        School own = school.school();
        actAs("admin");
        String original = design.content(own, "AnnualReviewCycle.bpmn");
        design.publish(own, "AnnualReviewCycle.bpmn",
                original.replace("name=\"Hold the planning meeting\"", "name=\"" + RENAMED + "\""), "Together");
        String base = "/admin/schools/" + own.id() + "/cycle-model";

        // without a reason nothing is published, and the page says why
        mvc.perform(post(base + "/versions/1/roll-back").param("reason", " ").with(csrf()).with(admin))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("refusal", containsString("Say what changed, and why")));
        // the current version is not published again
        mvc.perform(post(base + "/versions/2/roll-back").param("reason", "Again").with(csrf()).with(admin))
                .andExpect(flash().attribute("refusal", containsString("is the current version already")));
        assertThat(versions(own)).containsExactly(2, 1);

        mvc.perform(post(base + "/versions/1/roll-back").param("reason", "Heads found it slower").with(csrf()).with(admin))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("message", containsString("Version 3 of the cycle is published")));

        assertThat(versions(own)).containsExactly(3, 2, 1);
        CycleVersion latest = design.versions(own).get(0);
        assertThat(latest.comment()).isEqualTo("Rolled back to version 1: Heads found it slower");
        assertThat(latest.publishedBy()).isEqualTo("Sam Patel");
        assertThat(design.content(own, 3, "AnnualReviewCycle.bpmn")).isEqualTo(original);
        assertThat(design.content(own, 2, "AnnualReviewCycle.bpmn")).contains(RENAMED);
        assertThat(design.source(own).followsTrust()).isFalse();
        assertThat(history.changes(own.id(), null, null, 0, 20).entries()).anySatisfy(entry -> {
            assertThat(entry.change().action()).isEqualTo("Published version 3 of the cycle");
            assertThat(entry.change().afterValue()).contains("Rolled back to version 1: Heads found it slower");
        });
        mvc.perform(post(base + "/versions/7/roll-back").param("reason", "No such").with(csrf()).with(admin))
                .andExpect(status().isNotFound());
    }

    @Test
    void theTrustPublishesItsDefaultAndAFollowingSchoolAdoptsItWhenItChooses() throws Exception {
        School own = school.school();
        assertThat(design.source(own).followsTrust()).isTrue();
        int offered = trust.currentVersion() + 1;
        String model = withPlanningMeetingNamed(trust.content("AnnualReviewCycle.bpmn"), RENAMED);

        mvc.perform(get("/admin/trust/cycle-model/edit/AnnualReviewCycle.bpmn").with(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-file-url=\"/admin/trust/cycle-model/files/AnnualReviewCycle.bpmn\"")))
                .andExpect(content().string(containsString("Dry run with the staff of")));
        // a model that would break the cycle is refused by the dry run, with the reason
        mvc.perform(publish("/admin/trust/cycle-model/files/AnnualReviewCycle.bpmn",
                model.replace("id=\"AnnualReviewCycle\"", "id=\"Other\""), "Broken", own.id()).with(admin))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("must keep the process id")));
        mvc.perform(publish("/admin/trust/cycle-model/files/AnnualReviewCycle.bpmn", model, "Together", null).with(admin))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("Choose the school")));
        assertThat(trust.currentVersion()).isEqualTo(offered - 1);
        long withoutSchool = withoutSchool();

        mvc.perform(publish("/admin/trust/cycle-model/files/AnnualReviewCycle.bpmn", model, "Planning together",
                own.id()).with(admin)).andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(offered))
                .andExpect(jsonPath("$.message").value(containsString("no school's cycle has changed yet")));
        // nothing was deployed for any school, and no deployment without a school exists to start a review on
        assertThat(versions(own)).containsExactly(1);
        assertThat(withoutSchool()).isEqualTo(withoutSchool);
        mvc.perform(get("/admin/trust/cycle-model").with(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Planning together")))
                .andExpect(content().string(containsString("version " + offered + " offered")));

        String base = "/admin/schools/" + own.id() + "/cycle-model";
        mvc.perform(get(base).with(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Adopt version " + offered)));
        mvc.perform(post(base + "/adopt").with(csrf()).with(admin)).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("message", containsString("Version 2 of the cycle is published")));

        assertThat(versions(own)).containsExactly(2, 1);
        assertThat(design.content(own, 2, "AnnualReviewCycle.bpmn")).contains(RENAMED);
        assertThat(design.versions(own).get(0).comment()).isEqualTo("Adopted version " + offered + " of the trust's default cycle");
        assertThat(design.source(own)).isEqualTo(new CycleSource(true, offered, trust.currentVersion()));
        // pressed twice (an old page): nothing more is published
        mvc.perform(post(base + "/adopt").with(csrf()).with(admin))
                .andExpect(flash().attribute("refusal", containsString("already")));
        assertThat(versions(own)).containsExactly(2, 1);

        // keeping its own copy, the school is offered nothing more
        mvc.perform(post(base + "/keep-own").with(csrf()).with(admin)).andExpect(status().is3xxRedirection());
        assertThat(design.source(own).followsTrust()).isFalse();
        mvc.perform(get(base).with(admin)).andExpect(content().string(containsString("keeps its own copy")));
    }

    /** The model with the planning meeting under {@code name}, whatever it was called before. */
    static String withPlanningMeetingNamed(String model, String name) {
        return model.replaceFirst("(id=\"Task_PlanningMeeting\" name=\")[^\"]*", "$1" + name);
    }

    private long withoutSchool() {
        return repository.createProcessDefinitionQuery().processDefinitionKey(AnnualReviewCycleProcess.KEY)
                .withoutTenantId().count();
    }

    private void actAs(String username) {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(username, null, "admins"));
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder publish(String path, String content,
            String comment, Long dryRunSchoolId) throws Exception {
        var body = new java.util.HashMap<String, Object>(Map.of("content", content, "comment", comment));
        body.put("dryRunSchoolId", dryRunSchoolId);
        return post(path).contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)).with(csrf());
    }

    private List<Integer> versions(School school) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(AnnualReviewCycleProcess.KEY)
                .tenantIdIn(school.code()).orderByProcessDefinitionVersion().desc().list().stream()
                .map(ProcessDefinition::getVersion).toList();
    }
}

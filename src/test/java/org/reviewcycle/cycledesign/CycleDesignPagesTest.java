package org.reviewcycle.cycledesign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
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
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The cycle's pages and the editors' endpoints as a script meets them: the wrong person is refused
 * and nothing is deployed; a file the engine cannot take, or one that drops what the services rely
 * on, is a 400 with a sentence, and nothing is deployed or recorded; a good one is a new version
 * with its history.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class CycleDesignPagesTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired RepositoryService repository;
    @Autowired CycleDesignService design;
    @Autowired AdministrationHistory history;
    @Autowired ObjectMapper json;

    TestSchool school;
    RequestPostProcessor admin;

    @BeforeEach
    void aSchoolOfItsOwn() {
        school = TestSchool.create(schools, staff);
        admin = new AsPerson(users).as("admin");
    }

    @Test
    void plainStaffAndAnotherSchoolsAdminAreRefusedLittletownsCycleAndNothingIsDeployed() throws Exception {
        School littletown = schools.findSchool(DemoSchool.CODE).orElseThrow();
        String base = "/admin/schools/" + littletown.id() + "/cycle-model";
        List<Integer> before = versions(littletown);
        String model = design.content(littletown, "AnnualReviewCycle.bpmn");
        for (String username : new String[] {"teacher.mpg", "hc.admin", "head"}) {
            var person = new AsPerson(users).as(username);
            mvc.perform(get(base).with(person)).andExpect(status().isForbidden());
            mvc.perform(get(base + "/edit/AnnualReviewCycle.bpmn").with(person)).andExpect(status().isForbidden());
            mvc.perform(get(base + "/files/AnnualReviewCycle.bpmn").with(person)).andExpect(status().isForbidden());
            mvc.perform(publish(base + "/files/AnnualReviewCycle.bpmn", model, "Taken over").with(person))
                    .andExpect(status().isForbidden());
        }
        // without the page's CSRF token, not even the school's own admin
        mvc.perform(post(base + "/files/AnnualReviewCycle.bpmn").contentType(MediaType.APPLICATION_JSON)
                .content(body(model, "Forged")).with(admin)).andExpect(status().isForbidden());
        assertThat(versions(littletown)).isEqualTo(before);
    }

    @Test
    void theSchoolsAdminListsTheVersionsAndOpensEachEditor() throws Exception {
        String base = "/admin/schools/" + school.school().id() + "/cycle-model";
        mvc.perform(get(base).with(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("ReviewCycle, as shipped")))
                .andExpect(content().string(containsString("PlanningMeeting.form")));
        for (String file : new String[] {"AnnualReviewCycle.bpmn", "ReviewPlan.dmn", "PlanningMeeting.form"}) {
            mvc.perform(get(base + "/edit/" + file).with(admin)).andExpect(status().isOk())
                    .andExpect(content().string(containsString("data-file-url=\"" + base + "/files/" + file + "\"")));
        }
        mvc.perform(get(base + "/files/ReviewPlan.dmn").with(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("<decision id=\"ReviewPlan\"")));
        mvc.perform(get(base + "/edit/NoSuchForm.form").with(admin)).andExpect(status().isNotFound());
        mvc.perform(get(base + "/files/application.properties").with(admin)).andExpect(status().isNotFound());
    }

    @Test
    void aGoodModelIsTheSchoolsNextVersionWithWhoAndTheCommentInItsHistory() throws Exception {
        School own = school.school();
        String model = design.content(own, "AnnualReviewCycle.bpmn")
                .replace("name=\"Hold the planning meeting\"", "name=\"Hold the planning meeting together\"");
        mvc.perform(publish(files(own) + "AnnualReviewCycle.bpmn", model, "Planning together").with(admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.message").value(containsString("Version 2 of the cycle is published")));

        assertThat(versions(own)).containsExactly(2, 1);
        var latest = design.versions(own).get(0);
        assertThat(latest).extracting(CycleVersion::version, CycleVersion::publishedBy, CycleVersion::comment,
                CycleVersion::changedFile, CycleVersion::current)
                .containsExactly(2, "Sam Patel", "Planning together", "AnnualReviewCycle.bpmn", true);
        // every file of the cycle is in the new version: the forms are bound to it
        assertThat(repository.getDeploymentResourceNames(latest.deploymentId()))
                .containsExactlyInAnyOrderElementsOf(repository.getDeploymentResourceNames(design.versions(own).get(1).deploymentId()));
        assertThat(history.changes(own.id(), null, null, 0, 20).entries()).anySatisfy(entry -> {
            assertThat(entry.change().action()).isEqualTo("Published version 2 of the cycle");
            assertThat(entry.change().changedBy()).isEqualTo("admin");
            assertThat(entry.change().afterValue()).contains("Planning together", "AnnualReviewCycle.bpmn");
        });
    }

    @Test
    void aSchoolAdminPublishesForTheirOwnSchool() throws Exception {
        School own = school.school();
        staff.setAdministrator(own.id(), school.leader().id(), true);
        var schoolAdmin = new AsPerson(users).as(school.leader().username());
        String plan = design.content(own, "ReviewPlan.dmn");
        mvc.perform(publish(files(own) + "ReviewPlan.dmn", plan, "Checked by the school").with(schoolAdmin))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(2));
        assertThat(design.versions(own).get(0).publishedBy()).isEqualTo(school.leader().fullName());
    }

    @Test
    void whatTheEngineOrTheServicesCannotTakeIsRefusedWithASentenceAndNothingIsDeployed() throws Exception {
        School own = school.school();
        String model = design.content(own, "AnnualReviewCycle.bpmn");
        String form = design.content(own, "SelfReflection.form");
        String plan = design.content(own, "ReviewPlan.dmn");
        Map<String, String[]> refused = Map.of(
                "not XML", new String[] {"AnnualReviewCycle.bpmn", "<bpmn:definitions", "cannot be published"},
                "no process id", new String[] {"AnnualReviewCycle.bpmn",
                        model.replace("id=\"AnnualReviewCycle\"", "id=\"SomeOtherCycle\""), "must keep the process id AnnualReviewCycle"},
                "a broken flow", new String[] {"AnnualReviewCycle.bpmn",
                        model.replaceFirst("targetRef=\"Task_[A-Za-z]+\"", "targetRef=\"Task_Nowhere\""), "cannot be published"},
                "form not JSON", new String[] {"SelfReflection.form", "{\"id\": ", "is not a form"},
                "form renamed", new String[] {"SelfReflection.form",
                        form.replace("\"id\": \"SelfReflection\"", "\"id\": \"Reflection\""), "The form's id must stay SelfReflection"},
                "form field dropped", new String[] {"SelfReflection.form",
                        form.replace("\"key\": \"strengths\"", "\"key\": \"talents\""), "must keep the field strengths"},
                "decision renamed", new String[] {"ReviewPlan.dmn",
                        plan.replace("<decision id=\"ReviewPlan\"", "<decision id=\"Plan\""),
                        "must keep the decision id ReviewPlan"},
                "no comment", new String[] {"AnnualReviewCycle.bpmn", model, "Say what changed"});
        for (var attempt : refused.entrySet()) {
            String[] file = attempt.getValue();
            String comment = attempt.getKey().equals("no comment") ? " " : "Trying " + attempt.getKey();
            mvc.perform(publish(files(own) + file[0], file[1], comment).with(admin))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value(containsString(file[2])));
        }
        mvc.perform(publish(files(own) + "Missing.form", form, "Trying a file the cycle has not").with(admin))
                .andExpect(status().isNotFound());
        assertThat(versions(own)).containsExactly(1);
        assertThat(design.versions(own)).allSatisfy(v -> assertThat(v.publishedBy()).isNull());
        assertThat(history.changes(own.id(), null, null, 0, 50).entries())
                .noneSatisfy(entry -> assertThat(entry.change().action()).startsWith("Published"));
    }

    private static String files(School school) {
        return "/admin/schools/" + school.id() + "/cycle-model/files/";
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder publish(String path, String content,
            String comment) throws Exception {
        return post(path).contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                .content(body(content, comment)).with(csrf());
    }

    private String body(String content, String comment) throws Exception {
        return json.writeValueAsString(Map.of("content", content, "comment", comment));
    }

    private List<Integer> versions(School school) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(AnnualReviewCycleProcess.KEY)
                .tenantIdIn(school.code()).orderByProcessDefinitionVersion().desc().list().stream()
                .map(ProcessDefinition::getVersion).toList();
    }
}

package org.reviewcycle.dryrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.reviewcycle.demo.DemoSchool;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.support.AsPerson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The dry run's page and JSON endpoint: the demo trust's schools as their admins run them, the
 * wrong people refused with nothing run, and bad input answered with a sentence.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class DryRunPagesTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired SchoolService schools;
    @Autowired RepositoryService repository;

    long school(String code) {
        return schools.findSchool(code).orElseThrow().id();
    }

    long deploymentsOf(String code) {
        return repository.createDeploymentQuery().tenantIdIn(code).count();
    }

    @Test
    void plainStaffAndAnotherSchoolsAdminAreRefusedLittletownsDryRun() throws Exception {
        long lt = school(DemoSchool.CODE);
        long deployments = deploymentsOf(DemoSchool.CODE);
        long cycles = schools.cyclesOf(lt).size();
        for (String username : new String[] {"teacher.mpg", "hc.admin", "head"}) {
            var person = new AsPerson(users).as(username);
            mvc.perform(get("/admin/schools/" + lt + "/cycle-model/dry-run").with(person))
                    .andExpect(status().isForbidden());
            mvc.perform(multipart("/admin/schools/" + lt + "/cycle-model/dry-run").with(person).with(csrf()))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/api/schools/" + lt + "/dry-run").contentType(MediaType.APPLICATION_JSON).content("{}")
                    .with(person).with(csrf())).andExpect(status().isForbidden());
        }
        assertThat(deploymentsOf(DemoSchool.CODE)).isEqualTo(deployments);
        assertThat(repository.createDeploymentQuery().tenantIdIn(DemoSchool.CODE).list())
                .noneMatch(d -> "Dry run".equals(d.getName()));
        assertThat(schools.cyclesOf(lt)).hasSize((int) cycles);
    }

    @Test
    void littletownsAdminSeesEachCategorysPathAsTheDemoRunsIt() throws Exception {
        long lt = school(DemoSchool.CODE);
        mvc.perform(multipart("/admin/schools/" + lt + "/cycle-model/dry-run").with(new AsPerson(users).as("admin"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The dry run found no problem")))
                // a teacher on the main pay range: Amy Clarke, reviewed by David Okafor, observed twice
                .andExpect(content().string(containsString("The review of Amy Clarke, reviewed by David Okafor")))
                .andExpect(content().string(containsString("Observe a lesson 2 of 2: Amy Clarke")))
                // the head approves: Helen Ashworth by name
                .andExpect(content().string(containsString("Helen Ashworth (head)")))
                // the headteacher has no reviewer in the demo: governors review her, and no review starts
                .andExpect(content().string(containsString("Helen Ashworth gets no review at a launch: No reviewer yet")))
                .andExpect(content().string(not(containsString("Exception"))));
    }

    @Test
    void theEditorsEndpointRunsAChangedModelAndSaysWhyItCannotBePublished() throws Exception {
        var hcAdmin = new AsPerson(users).as("hc.admin");
        long hc = school(DemoSchool.SECOND_CODE);
        mvc.perform(post("/api/schools/" + hc + "/dry-run").contentType(MediaType.APPLICATION_JSON).content("{}")
                        .with(hcAdmin).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.passed").value(true))
                .andExpect(jsonPath("$.school").value("Hillcrest Primary"))
                .andExpect(jsonPath("$.paths[?(@.category == 'Teacher (main pay range)')].reviewee").value("Ben Carter"));

        String unreachable = DryRunServiceOnMariaDbTest.shippedModel().replace("<bpmn:intermediateCatchEvent id=\"Event_MidYearReached\"",
                "<bpmn:userTask id=\"Task_Forgotten\" name=\"Forgotten step\" camunda:assignee=\"${reviewerUsername}\" />\n"
                        + "    <bpmn:intermediateCatchEvent id=\"Event_MidYearReached\"");
        String body = new ObjectMapper().writeValueAsString(java.util.Map.of("bpmnXml", unreachable));
        mvc.perform(post("/api/schools/" + hc + "/dry-run").contentType(MediaType.APPLICATION_JSON).content(body)
                        .with(hcAdmin).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.passed").value(false))
                .andExpect(jsonPath("$.refusal", containsString("Forgotten step")));

        // the same as files, as the editors send them
        mvc.perform(multipart("/api/schools/" + hc + "/dry-run")
                        .file(new MockMultipartFile("bpmn", "AnnualReviewCycle.bpmn", "application/xml",
                                "<definitions>not a cycle".getBytes(StandardCharsets.UTF_8)))
                        .with(hcAdmin).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.passed").value(false))
                .andExpect(jsonPath("$.problems[0]", containsString("The model cannot be deployed")))
                .andExpect(jsonPath("$.problems[0]", not(containsString("Exception"))));
        assertThat(repository.createDeploymentQuery().tenantIdIn(DemoSchool.SECOND_CODE).list())
                .noneMatch(d -> "Dry run".equals(d.getName()));
    }

    @Test
    void aChangedFormIsAnsweredAsItIsNowAndWhatOurRulesRefuseIsReported() throws Exception {
        var hcAdmin = new AsPerson(users).as("hc.admin");
        long hc = school(DemoSchool.SECOND_CODE);
        // the objective's priority offered from a fixed list instead of the school's priorities
        String form = java.nio.file.Files.readString(java.nio.file.Path.of("forms/PlanningMeeting.form"))
                .replace("\"valuesKey\": \"priorityOptions\"", "\"values\": [{\"label\": \"Old plan\", \"value\": \"X9\"}]");
        assertThat(form).contains("X9");
        String body = new ObjectMapper().writeValueAsString(java.util.Map.of("forms",
                java.util.Map.of("PlanningMeeting", form)));
        mvc.perform(post("/api/schools/" + hc + "/dry-run").contentType(MediaType.APPLICATION_JSON).content(body)
                        .with(hcAdmin).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.passed").value(false))
                .andExpect(jsonPath("$.problems[0]", containsString(
                        "The model stops with an error at “Hold the planning meeting” (Task_PlanningMeeting)")))
                .andExpect(jsonPath("$.problems[0]", containsString("X9")));
    }

    @Test
    void aSchoolWhereNobodyWouldGetAReviewYetCannotPassItsDryRun(@Autowired DryRunService dryRuns) {
        String code = "t" + java.util.UUID.randomUUID().toString().substring(0, 8);
        var school = schools.createSchool(code, "Empty Primary " + code);
        schools.planCycle(new org.reviewcycle.school.ReviewCycle(null, school.id(), "2026/27",
                java.time.LocalDate.of(2026, 10, 31), java.time.LocalDate.of(2027, 2, 1),
                java.time.LocalDate.of(2027, 6, 14), java.time.LocalDate.of(2027, 7, 16), null));

        DryRunReport report = dryRuns.dryRun(school.id(), DryRunModel.current());

        assertThat(report.passed()).isFalse();
        assertThat(report.problems()).containsExactly("Nothing could be run: nobody at Empty Primary " + code
                + " would get a review yet. Give the staff their reviewers, then run the dry run again.");
    }

    @Test
    void aFileOfTheWrongKindIsRefusedWithASentence() throws Exception {
        var hcAdmin = new AsPerson(users).as("hc.admin");
        long hc = school(DemoSchool.SECOND_CODE);
        var notBpmn = new MockMultipartFile("bpmn", "staff.csv", "text/csv", "a,b".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/schools/" + hc + "/dry-run").file(notBpmn).with(hcAdmin).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("staff.csv is not one")));
        // the page shows the form again, the message beside the field
        mvc.perform(multipart("/admin/schools/" + hc + "/cycle-model/dry-run").file(notBpmn).with(hcAdmin).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose a .bpmn file for the BPMN model; staff.csv is not one.")))
                .andExpect(content().string(not(containsString("dry-run-report"))));
    }
}

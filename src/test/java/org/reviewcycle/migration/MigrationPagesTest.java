package org.reviewcycle.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reviewcycle.cycledesign.CycleDesignService;
import org.reviewcycle.demo.DemoSchool;
import org.reviewcycle.process.CycleLauncher;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.AsPerson;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The pages that move running reviews onto another version: the wrong people (another school's
 * admin, a head, a plain member of staff) are refused every page and endpoint and nothing moves;
 * the school's admin previews, starts and follows a move; bad input is answered with a sentence.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class MigrationPagesTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired CycleLauncher launcher;
    @Autowired CycleDesignService design;
    @Autowired ProcessEngine engine;

    @AfterEach
    void loggedOut() {
        SecurityContextHolder.clearContext();
    }

    long onVersion(String tenant, int version) {
        return engine.getRuntimeService().createProcessInstanceQuery().tenantIdIn(tenant).list().stream()
                .filter(p -> engine.getRepositoryService().getProcessDefinition(p.getProcessDefinitionId()).getVersion() == version)
                .count();
    }

    @Test
    void onlyTheSchoolsAdminsMoveItsReviewsAndTheWrongPeopleMoveNothing() throws Exception {
        TestSchool created = TestSchool.create(schools, staff);
        String code = created.school().code();
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("admin", null, "admins"));
        launcher.launch(created.cycle().id());
        design.publish(created.school(), "AnnualReviewCycle.bpmn", ReviewMigrationsTest.withAddedStep(), "A step added");
        SecurityContextHolder.clearContext();
        String base = "/admin/schools/" + created.school().id() + "/cycle-model";
        var as = new AsPerson(users);
        List<RequestPostProcessor> wrong = List.of(as.as("hc.admin"), as.as(created.head().username()), as.as("head"),
                as.as(created.teacher().username()));

        for (RequestPostProcessor person : wrong) {
            mvc.perform(get(base + "/migrate").with(person)).andExpect(status().isForbidden());
            mvc.perform(get(base + "/migrate").param("version", "2").with(person)).andExpect(status().isForbidden());
            mvc.perform(post(base + "/migrate").param("version", "2").with(person).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        assertThat(onVersion(code, 1)).isEqualTo(3);
        assertThat(engine.getManagementService().createBatchQuery().tenantIdIn(code).count()).isZero();

        // the trust's admin: choose, preview, start
        var admin = as.as("admin");
        mvc.perform(get(base + "/migrate").with(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Version 2 (current): A step added")))
                .andExpect(content().string(not(containsString("migration-preview"))));
        mvc.perform(get(base + "/migrate").param("version", "2").with(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("3 of 3 reviews can move.")))
                .andExpect(content().string(containsString(created.teacher().fullName())))
                .andExpect(content().string(not(containsString(created.teacher().username()))))
                .andExpect(content().string(containsString("Move 3 reviews onto version 2")));
        String location = mvc.perform(post(base + "/migrate").param("version", "2").param("step", "").with(admin).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith(base + "/migrations/");
        String id = location.substring(location.lastIndexOf('/') + 1);

        // the move's pages: refused to the wrong people, and to another school's page by its id
        for (RequestPostProcessor person : wrong) {
            mvc.perform(get(base + "/migrations/" + id).with(person)).andExpect(status().isForbidden());
            mvc.perform(get(base + "/migrations/" + id + "/progress").with(person)).andExpect(status().isForbidden());
        }
        long hillcrest = schools.findSchool(DemoSchool.SECOND_CODE).orElseThrow().id();
        mvc.perform(get("/admin/schools/" + hillcrest + "/cycle-model/migrations/" + id).with(as.as("hc.admin")))
                .andExpect(status().isNotFound());

        new ReviewWalker(engine, staff, created.head().username()).runBatches(code);
        mvc.perform(get(base + "/migrations/" + id + "/progress").with(admin)).andExpect(status().isOk())
                .andExpect(jsonPath("$.moved").value(3)).andExpect(jsonPath("$.finished").value(true))
                .andExpect(jsonPath("$.startedBy").value("Sam Patel"));
        mvc.perform(get(base + "/migrations/" + id).with(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Every review was moved onto version 2")));
        assertThat(onVersion(code, 2)).isEqualTo(3);
    }

    @Test
    void aVersionThatIsNotOneIsAnsweredWithASentence() throws Exception {
        long hillcrest = schools.findSchool(DemoSchool.SECOND_CODE).orElseThrow().id();
        var hcAdmin = new AsPerson(users).as("hc.admin");
        String base = "/admin/schools/" + hillcrest + "/cycle-model/migrate";
        mvc.perform(get(base).param("version", "two").with(hcAdmin)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("“two” is not a version number: choose one from the list.")));
        mvc.perform(get(base).param("version", "99").with(hcAdmin)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Hillcrest Primary has no version 99 of the cycle.")));
        mvc.perform(post(base).param("version", "99").with(hcAdmin).with(csrf())).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Hillcrest Primary has no version 99 of the cycle.")));
        mvc.perform(get(base).param("version", "1").param("step", "Task_Nowhere").with(hcAdmin))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("No running review is at that step now")));
        // every review of Hillcrest is on its one version already: nothing to move
        mvc.perform(post(base).param("version", "1").with(hcAdmin).with(csrf())).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("There is no running review to move onto version 1.")));
    }
}

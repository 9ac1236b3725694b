package org.reviewcycle.system;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.reviewcycle.demo.DemoSchool;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.support.AsPerson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The admin area's front door (AdminHome) and the school check every school path passes
 * (AdminPages), with the refusal a person or a script gets (PageErrors).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class AdminPagesTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired SchoolService schools;

    AsPerson person() {
        return new AsPerson(users);
    }

    @Test
    void theFrontDoorSendsTheTrustAdminToTheSchoolsASchoolAdminToTheirSchoolAndRefusesStaff() throws Exception {
        long hillcrest = schools.findSchool(DemoSchool.SECOND_CODE).orElseThrow().id();
        mvc.perform(get("/admin").with(person().as("admin"))).andExpect(redirectedUrl("/admin/schools"));
        mvc.perform(get("/admin").with(person().as("hc.admin"))).andExpect(redirectedUrl("/admin/schools/" + hillcrest));
        mvc.perform(get("/admin").with(person().as("teacher.mpg"))).andExpect(status().isForbidden());
    }

    @Test
    void anotherSchoolsPathIsRefusedAsAPageWithItsSentence() throws Exception {
        long littletown = schools.findSchool(DemoSchool.CODE).orElseThrow().id();
        mvc.perform(get("/admin/schools/" + littletown + "/teams").with(person().as("hc.admin")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("<h1>Not allowed</h1>")))
                .andExpect(content().string(containsString("<title>Not allowed · ReviewCycle</title>")))
                .andExpect(content().string(containsString("You do not administer this school.")));
    }

    @Test
    void anotherSchoolsPathIsRefusedToAScriptAsAProblemDetail() throws Exception {
        long littletown = schools.findSchool(DemoSchool.CODE).orElseThrow().id();
        mvc.perform(get("/api/schools/" + littletown + "/history").with(person().as("hc.admin"))
                        .accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403))
                .andExpect(jsonPath("$.detail").value("You do not administer this school."));
    }

    @Test
    void aSchoolThatIsNotANumberIsABadRequestNotAnError() throws Exception {
        mvc.perform(get("/admin/schools/littletown/teams").with(person().as("admin")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("is not a school number")));
    }

    @Test
    void aSchoolThatDoesNotExistIsRefusedWithoutSayingSo() throws Exception {
        mvc.perform(get("/admin/schools/999999999/teams").with(person().as("hc.admin")))
                .andExpect(status().isForbidden());
    }
}

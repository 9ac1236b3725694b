package org.reviewcycle.history;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.reviewcycle.demo.DemoSchool;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.support.AsPerson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The history pages tried as the wrong person; and a school's history shows no other school's changes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class HistoryPagesAccessTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired SchoolService schools;

    @Test
    void plainStaffAndAnotherSchoolsAdminAreRefusedLittletownsHistoryAndTheTrusts() throws Exception {
        long lt = schools.findSchool(DemoSchool.CODE).orElseThrow().id();
        for (String username : new String[] {"teacher.mpg", "hc.admin"}) {
            var person = new AsPerson(users).as(username);
            mvc.perform(get("/admin/schools/" + lt + "/history").with(person)).andExpect(status().isForbidden());
            mvc.perform(get("/admin/history").with(person)).andExpect(status().isForbidden());
            mvc.perform(get("/api/schools/" + lt + "/history").with(person)).andExpect(status().isForbidden());
        }
    }

    @Test
    void aSchoolsHistoryShowsNoChangeOfAnotherSchool() throws Exception {
        long lt = schools.findSchool(DemoSchool.CODE).orElseThrow().id();
        long hc = schools.findSchool(DemoSchool.SECOND_CODE).orElseThrow().id();
        String code = "H" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        mvc.perform(post("/admin/schools/" + lt + "/priorities").param("code", code).param("title", "Handwriting " + code)
                .param("wholeSchoolTarget", "Joined handwriting by Year 3").with(new AsPerson(users).as("admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/admin/schools/" + lt + "/history").param("q", code).with(new AsPerson(users).as("admin")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Handwriting " + code)));
        mvc.perform(get("/admin/schools/" + hc + "/history").param("q", code).with(new AsPerson(users).as("hc.admin")))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("Handwriting " + code))));
    }
}

package org.reviewcycle.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.support.AsPerson;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The "Move to another school" pages over HTTP: a trust admin chooses the school, then the person's place
 * there from that school's staff; a school admin (even of both schools), a plain member of staff and another
 * school's admin are refused the form and the move, and nothing changes.
 */
@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(username = "admin", authorities = {"admins", "trust-admins"})
class StaffMovePagesTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService logins;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theWrongPeopleAreRefusedTheFormAndTheMoveAndNothingChanges() throws Exception {
        TestSchool from = TestSchool.create(schools, staff);
        TestSchool to = TestSchool.create(schools, staff);
        staff.setAdministrator(from.school().id(), from.head().id(), true);
        String base = "/admin/schools/" + from.school().id() + "/staff/" + from.assistant().id() + "/move";
        Map<String, Object> before = jdbc.queryForMap("select * from staff_member where id = ?", from.assistant().id());
        List<MockHttpServletRequestBuilder> requests = List.of(get(base), get(base).param("to", to.school().id().toString()),
                post(base).param("toSchoolId", to.school().id().toString()).param("movedOn", "2026-12-01")
                        .param("category", "TEACHING_ASSISTANT").param("jobTitle", "TA"));
        var people = new AsPerson(logins);
        for (String person : List.of(from.head().username(), "hc.admin", "teacher.mpg", from.teacher().username())) {
            for (var request : requests) {
                mvc.perform(request.with(people.as(person)).with(csrf())).andExpect(status().isForbidden());
            }
        }
        assertThat(jdbc.queryForMap("select * from staff_member where id = ?", from.assistant().id())).isEqualTo(before);
    }

    @Test
    void aTrustAdminChoosesTheSchoolThenThePlaceThereAndMistakesAreShownBesideTheirFields() throws Exception {
        TestSchool from = TestSchool.create(schools, staff);
        TestSchool to = TestSchool.create(schools, staff);
        String base = "/admin/schools/" + from.school().id() + "/staff/" + from.assistant().id() + "/move";
        var people = new AsPerson(logins);

        mvc.perform(get(base).with(people.as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString(to.school().name())))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("First day at the new school"))));
        mvc.perform(get(base).param("to", to.school().id().toString()).with(people.as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("First day at the new school")))
                .andExpect(content().string(containsString(to.leader().fullName())))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(from.leader().fullName() + ","))));
        mvc.perform(post(base).with(people.as("admin")).with(csrf()).param("toSchoolId", to.school().id().toString())
                        .param("movedOn", "").param("category", "TEACHING_ASSISTANT").param("jobTitle", "")
                        .param("reviewerId", from.leader().id().toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("There is a problem")))
                .andExpect(content().string(containsString("Enter their first day at the new school")))
                .andExpect(content().string(containsString("Choose a reviewer from " + to.school().name() + "&#39;s staff")));
        assertThat(staff.find(from.assistant().id()).orElseThrow().schoolId()).isEqualTo(from.school().id());

        mvc.perform(post(base).with(people.as("admin")).with(csrf()).param("toSchoolId", to.school().id().toString())
                        .param("movedOn", "2026-12-01").param("category", "TEACHING_ASSISTANT")
                        .param("jobTitle", "Teaching assistant").param("reviewerId", to.leader().id().toString())
                        .param("teamId", to.team().id().toString()))
                .andExpect(redirectedUrl("/admin/schools/" + to.school().id() + "/staff/" + from.assistant().id()));
        assertThat(staff.find(from.assistant().id()).orElseThrow().schoolId()).isEqualTo(to.school().id());
        mvc.perform(get("/admin/schools/" + from.school().id() + "/staff/" + from.assistant().id())
                .with(people.as("admin"))).andExpect(status().isNotFound());
    }
}

package org.reviewcycle.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
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

/** The Teams pages tried as the wrong person, and with another school's people: refused, nothing changed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class TeamPagesAccessTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;

    private final String code = "t-" + UUID.randomUUID().toString().substring(0, 6);

    long school(String code) {
        return schools.findSchool(code).orElseThrow().id();
    }

    Team team(long schoolId, String code) {
        return staff.teamsOf(schoolId).stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void plainStaffAndAnotherSchoolsAdminAreRefusedLittletownsTeams() throws Exception {
        long lt = school(DemoSchool.CODE);
        Team teaching = team(lt, "teaching");
        long head = staff.findByUsername("head").orElseThrow().id();
        long teacher = staff.findByUsername("teacher.mpg").orElseThrow().id();
        for (String username : new String[] {"teacher.mpg", "hc.admin"}) {
            var person = new AsPerson(users).as(username);
            mvc.perform(get("/admin/schools/" + lt + "/teams").with(person)).andExpect(status().isForbidden());
            mvc.perform(get("/admin/schools/" + lt + "/teams/" + teaching.id()).with(person)).andExpect(status().isForbidden());
            mvc.perform(post("/admin/schools/" + lt + "/teams").param("code", code).param("name", "Taken over")
                    .param("leaderId", String.valueOf(head)).with(person).with(csrf())).andExpect(status().isForbidden());
            mvc.perform(post("/admin/schools/" + lt + "/teams/" + teaching.id()).param("name", "Taken over")
                    .param("leaderId", String.valueOf(head)).with(person).with(csrf())).andExpect(status().isForbidden());
            mvc.perform(post("/admin/schools/" + lt + "/teams/" + teaching.id() + "/members/" + teacher + "/remove")
                    .with(person).with(csrf())).andExpect(status().isForbidden());
        }
        assertThat(staff.teamsOf(lt)).extracting(Team::code).doesNotContain(code);
        assertThat(team(lt, "teaching")).isEqualTo(teaching);
        assertThat(staff.teamMemberIds(teaching.id())).contains(teacher);
    }

    @Test
    void aSchoolAdminCannotReachAnotherSchoolsTeamThroughTheirOwnSchoolsPath() throws Exception {
        var hcAdmin = new AsPerson(users).as("hc.admin");
        long hc = school(DemoSchool.SECOND_CODE);
        Team teaching = team(school(DemoSchool.CODE), "teaching");
        mvc.perform(get("/admin/schools/" + hc + "/teams/" + teaching.id()).with(hcAdmin)).andExpect(status().isNotFound());
        mvc.perform(post("/admin/schools/" + hc + "/teams/" + teaching.id()).param("name", "Taken over")
                .param("leaderId", String.valueOf(staff.findByUsername("hc.head").orElseThrow().id()))
                .with(hcAdmin).with(csrf())).andExpect(status().isNotFound());
        assertThat(staff.team(school(DemoSchool.CODE), teaching.id()).name()).isEqualTo("Teaching team");
    }

    @Test
    void aTeamTakesNeitherLeaderNorMembersFromAnotherSchool() throws Exception {
        var hcAdmin = new AsPerson(users).as("hc.admin");
        long hc = school(DemoSchool.SECOND_CODE);
        Team hillcrestStaff = team(hc, "staff");
        long amy = staff.findByUsername("teacher.mpg").orElseThrow().id();

        mvc.perform(post("/admin/schools/" + hc + "/teams/" + hillcrestStaff.id() + "/members")
                .param("staffId", String.valueOf(amy)).with(hcAdmin).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose a member of this school&#39;s staff")));
        mvc.perform(post("/admin/schools/" + hc + "/teams").param("code", code).param("name", "Borrowed")
                .param("leaderId", String.valueOf(amy)).with(hcAdmin).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose the leader from this school&#39;s staff")));

        assertThat(staff.teamMemberIds(hillcrestStaff.id())).doesNotContain(amy);
        assertThat(staff.teamsOf(hc)).extracting(Team::code).doesNotContain(code);
    }
}

package org.reviewcycle.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.reviewcycle.demo.DemoSchool;
import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.AsPerson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The Schools and Priorities pages tried as the wrong person: a plain member of staff, another
 * school's admin, a school admin on the trust's own actions. Each is refused and nothing changes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class SchoolPagesAccessTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;

    private final String suffix = UUID.randomUUID().toString().substring(0, 6);

    AsPerson person() {
        return new AsPerson(users);
    }

    long littletown() {
        return schools.findSchool(DemoSchool.CODE).orElseThrow().id();
    }

    long hillcrest() {
        return schools.findSchool(DemoSchool.SECOND_CODE).orElseThrow().id();
    }

    @Test
    void plainStaffAreRefusedEverySchoolPageAndAddNoSchool() throws Exception {
        var teacher = person().as("teacher.mpg");
        for (String path : new String[] {"/admin/schools", "/admin/schools/" + littletown(),
                "/admin/schools/" + littletown() + "/settings", "/admin/schools/" + littletown() + "/priorities",
                "/admin/trust/priorities"}) {
            mvc.perform(get(path).with(teacher)).andExpect(status().isForbidden());
        }
        mvc.perform(post("/admin/schools").param("code", "oak-" + suffix).param("name", "Oak").with(teacher).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(schools.findSchool("oak-" + suffix)).isEmpty();
    }

    @Test
    void aSchoolAdminIsRefusedTheTrustsListOfSchoolsAndAddsNoSchool() throws Exception {
        var hcAdmin = person().as("hc.admin");
        mvc.perform(get("/admin/schools").with(hcAdmin)).andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Only the trust&#39;s administrators may do this.")));
        mvc.perform(post("/admin/schools").param("code", "elm-" + suffix).param("name", "Elm").with(hcAdmin).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(schools.findSchool("elm-" + suffix)).isEmpty();
    }

    @Test
    void anotherSchoolsAdminIsRefusedLittletownsPagesAndChangesNothing() throws Exception {
        var hcAdmin = person().as("hc.admin");
        long lt = littletown();
        long w1 = schools.priorities(lt).stream().filter(p -> p.code().equals("W1")).findFirst().orElseThrow().id();
        for (String path : new String[] {"/admin/schools/" + lt, "/admin/schools/" + lt + "/settings",
                "/admin/schools/" + lt + "/priorities", "/admin/schools/" + lt + "/priorities/" + w1}) {
            mvc.perform(get(path).with(hcAdmin)).andExpect(status().isForbidden())
                    .andExpect(content().string(containsString("You do not administer this school.")));
        }
        StaffMember teacher = staff.findByUsername("teacher.mpg").orElseThrow();
        mvc.perform(post("/admin/schools/" + lt + "/admins").param("staffId", teacher.id().toString())
                .param("administrator", "true").with(hcAdmin).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/admin/schools/" + lt + "/priorities").param("code", "X1").param("title", "Taken over")
                .param("wholeSchoolTarget", "None").with(hcAdmin).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/admin/schools/" + lt + "/priorities/" + w1).param("code", "W1").param("title", "Taken over")
                .param("wholeSchoolTarget", "None").with(hcAdmin).with(csrf())).andExpect(status().isForbidden());

        assertThat(staff.find(teacher.id()).orElseThrow().administrator()).isFalse();
        assertThat(schools.priorities(lt)).extracting(SchoolPriority::code).doesNotContain("X1");
        assertThat(schools.schoolPriority(lt, w1).title()).startsWith("Raise standards and progress in writing");
    }

    @Test
    void aSchoolAdminCannotReachAnotherSchoolsPriorityThroughTheirOwnSchoolsPath() throws Exception {
        var hcAdmin = person().as("hc.admin");
        long w1 = schools.priorities(littletown()).stream().filter(p -> p.code().equals("W1")).findFirst().orElseThrow().id();
        String path = "/admin/schools/" + hillcrest() + "/priorities/" + w1;
        mvc.perform(get(path).with(hcAdmin)).andExpect(status().isNotFound());
        mvc.perform(post(path).param("code", "W1").param("title", "Taken over").param("wholeSchoolTarget", "None")
                .with(hcAdmin).with(csrf())).andExpect(status().isNotFound());
        assertThat(schools.schoolPriority(littletown(), w1).title()).startsWith("Raise standards and progress in writing");
    }

    @Test
    void aSchoolAdminMayNotRenameOrCloseTheirSchoolNorChangeWhoIsTrustAdmin() throws Exception {
        var hcAdmin = person().as("hc.admin");
        long hc = hillcrest();
        StaffMember owen = staff.findByUsername("hc.admin").orElseThrow();
        mvc.perform(post("/admin/schools/" + hc + "/name").param("name", "Renamed").with(hcAdmin).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/schools/" + hc + "/close").param("closedOn", "2026-09-01").with(hcAdmin).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/schools/" + hc + "/trust-admins").param("staffId", owen.id().toString())
                .param("trustAdmin", "true").with(hcAdmin).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/admin/trust/priorities").param("code", "Z" + suffix).param("title", "Ours")
                .param("description", "Ours").with(hcAdmin).with(csrf())).andExpect(status().isForbidden());

        School school = schools.findSchool(hc).orElseThrow();
        assertThat(school.name()).isEqualTo("Hillcrest Primary");
        assertThat(school.closed()).isFalse();
        assertThat(staff.find(owen.id()).orElseThrow().trustAdmin()).isFalse();
        assertThat(schools.trustPriorities()).extracting(TrustPriority::code).doesNotContain("Z" + suffix);
    }

    @Test
    void aSchoolAdminMakesAColleagueAnAdministratorButCannotStopThemself() throws Exception {
        var hcAdmin = person().as("hc.admin");
        long hc = hillcrest();
        StaffMember ben = staff.findByUsername("hc.teacher").orElseThrow();
        StaffMember owen = staff.findByUsername("hc.admin").orElseThrow();
        try {
            mvc.perform(post("/admin/schools/" + hc + "/admins").param("staffId", ben.id().toString())
                    .param("administrator", "true").with(hcAdmin).with(csrf()))
                    .andExpect(redirectedUrl("/admin/schools/" + hc + "/settings"));
            assertThat(staff.find(ben.id()).orElseThrow().administrator()).isTrue();

            mvc.perform(post("/admin/schools/" + hc + "/admins").param("staffId", owen.id().toString())
                    .param("administrator", "false").with(hcAdmin).with(csrf()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("You cannot stop yourself")));
            assertThat(staff.find(owen.id()).orElseThrow().administrator()).isTrue();
        } finally {
            mvc.perform(post("/admin/schools/" + hc + "/admins").param("staffId", ben.id().toString())
                    .param("administrator", "false").with(hcAdmin).with(csrf()));
        }
        assertThat(staff.find(ben.id()).orElseThrow().administrator()).isFalse();
    }

    @Test
    void aBadCodeIsShownBesideTheFieldWithWhatWasTypedAndNothingIsAdded() throws Exception {
        mvc.perform(post("/admin/schools").param("code", "Bad Code").param("name", "Birch " + suffix)
                .with(person().as("admin")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<span class=\"field-error\" id=\"code-error\">School code must be lower-case letters")))
                .andExpect(content().string(containsString("value=\"Birch " + suffix + "\"")));
        assertThat(schools.allSchools()).extracting(School::name).doesNotContain("Birch " + suffix);
    }
}

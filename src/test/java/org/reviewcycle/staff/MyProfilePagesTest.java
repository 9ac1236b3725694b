package org.reviewcycle.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.reviewcycle.reporting.GovernorService;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * "My profile" (/me) over HTTP: a member of staff sees their own details and changes their own password, each
 * problem named and nothing changed until all is right; nobody changes anyone else's password here, a governor
 * is refused, a change without the page's CSRF token is refused (tasklist.WelcomeForStaffTest: how Tasklist's "My
 * profile" leads here). People are added in a school of the test's own, so the demo's
 * staff and passwords stay as they are.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MyProfilePagesTest {

    private static final String FIRST = "first-password-1";

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService logins;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired GovernorService governors;
    @Autowired PasswordEncoder passwords;
    @Autowired JdbcTemplate jdbc;

    RequestPostProcessor as(String username) {
        return user(logins.loadUserByUsername(username));
    }

    private TestSchool school;

    /** Someone new in a school of the test's own (the demo school's staff stay as the demo tests expect). */
    private StaffMember newcomer(String name) {
        if (school == null) {
            school = TestSchool.create(schools, staff);
        }
        String username = name + "." + school.school().code();
        return staff.addStaffMember(new StaffMember(null, school.school().id(), username, "Nia", "Newcomer",
                username + "@example.org", "Class teacher Year 5", StaffCategory.TEACHER_MPG, true, false,
                school.leader().id()), FIRST);
    }

    private String hashOf(String username) {
        return jdbc.queryForObject("select password_hash from staff_member where username = ?", String.class, username);
    }

    @Test
    void aMemberOfStaffSeesTheirOwnProfile() throws Exception {
        StaffMember me = newcomer("reader");
        mvc.perform(get("/me").with(as(me.username()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("My profile")))
                .andExpect(content().string(containsString("Nia Newcomer")))
                .andExpect(content().string(containsString("Class teacher Year 5")))
                .andExpect(content().string(containsString(school.school().name())))
                .andExpect(content().string(containsString(school.leader().fullName())))
                .andExpect(content().string(containsString("Change your password")));
    }

    @Test
    void aHeadReadsThatTheGovernorsAppraiseThemAndSomeoneWithoutAReviewerThatNobodyIsNamed() throws Exception {
        newcomer("first");
        mvc.perform(get("/me").with(as(school.head().username()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("the governors: a headteacher is appraised by governors")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("nobody named yet"))));
        StaffMember unreviewed = staff.addStaffMember(new StaffMember(null, school.school().id(), "new." + school.school().code(),
                "Nat", "Newer", "nat@example.org", "Cook", StaffCategory.KITCHEN_MANAGER, true, false, null), FIRST);
        mvc.perform(get("/me").with(as(unreviewed.username()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("nobody named yet")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("the governors"))));
    }

    @Test
    void aMemberOfStaffChangesTheirOwnPasswordEachProblemNamedAndNothingChangedUntilAllIsRight() throws Exception {
        StaffMember me = newcomer("changer");
        String changer = me.username();
        var asMe = as(changer);
        String before = hashOf(changer);

        mvc.perform(post("/me/password").param("current", "wrong-password").param("password", "short")
                .param("repeated", "short").with(asMe).with(csrf())).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("That is not your current password")))
                .andExpect(content().string(containsString("at least 10 characters")))
                .andExpect(content().string(not(containsString("wrong-password"))));
        mvc.perform(post("/me/password").param("current", FIRST).param("password", "a-long-new-one")
                .param("repeated", "a-long-new-un").with(asMe).with(csrf())).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The two new passwords differ")));
        mvc.perform(post("/me/password").param("current", FIRST).param("password", FIRST).param("repeated", FIRST)
                .with(asMe).with(csrf())).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("must differ from the current one")));
        // bcrypt reads 72 bytes: 40 accented letters are 80
        String accented = "é".repeat(40);
        mvc.perform(post("/me/password").param("current", FIRST).param("password", accented).param("repeated", accented)
                .with(asMe).with(csrf())).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("at most 72 characters")));
        mvc.perform(post("/me/password").with(asMe).with(csrf())).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("That is not your current password")));
        assertThat(hashOf(changer)).isEqualTo(before);

        mvc.perform(post("/me/password").param("current", FIRST).param("password", "a-long-new-one")
                .param("repeated", "a-long-new-one").with(asMe).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/me"));
        assertThat(passwords.matches("a-long-new-one", hashOf(changer))).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from admin_change where staff_id = ? and action = ?"
                + " and changed_by = ?", Long.class, me.id(), "Changed their own password", changer))
                .isEqualTo(1);
        // the login takes the new password and no longer the old one
        mvc.perform(formLogin().user(changer).password("a-long-new-one")).andExpect(authenticated());
        mvc.perform(formLogin().user(changer).password(FIRST)).andExpect(unauthenticated());
    }

    @Test
    void nobodyChangesAnotherPersonsPasswordHereAndAGovernorOrAForeignPageIsRefused() throws Exception {
        String owner = newcomer("owner").username();
        String intruder = newcomer("intruder").username();
        String owners = hashOf(owner);
        String intruders = hashOf(intruder);

        // naming someone else changes nothing of theirs: the page only ever changes the password of whoever is logged in
        mvc.perform(post("/me/password").param("username", owner).param("staffId", "1")
                .param("current", FIRST).param("password", "taken-over-now").param("repeated", "taken-over-now")
                .with(as(intruder)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(hashOf(owner)).isEqualTo(owners);
        assertThat(hashOf(intruder)).isNotEqualTo(intruders);

        // a change without the page's token (a form on another site) is refused, nothing changed
        mvc.perform(post("/me/password").param("current", FIRST).param("password", "a-long-new-one")
                .param("repeated", "a-long-new-one").with(as(owner))).andExpect(status().isForbidden());
        assertThat(hashOf(owner)).isEqualTo(owners);

        // not logged in: a browser is sent to the login page
        mvc.perform(get("/me").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("**/login"));

        // a governor has no staff profile and is refused the page and the change
        String governor = "governor." + school.school().code();
        governors.addGovernor(school.school().id(), "Gwen", "Governor", "gwen@example.org", governor, "governor-password");
        mvc.perform(get("/me").with(as(governor))).andExpect(status().isForbidden());
        mvc.perform(post("/me/password").param("current", "governor-password").param("password", "a-long-new-one")
                .param("repeated", "a-long-new-one").with(as(governor)).with(csrf())).andExpect(status().isForbidden());
        assertThat(passwords.matches("governor-password", logins.loadUserByUsername(governor).getPassword())).isTrue();
    }
}

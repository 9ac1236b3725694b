package org.reviewcycle.passwordreset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffCategory;
import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.MariaDbTest;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A forgotten password, over HTTP as the browser meets it and on MariaDB (the links' SQL): the page answers the
 * same whoever is typed and sends a link only to a member of staff who may log in and has an email address; the
 * link lets its person choose a new password once, within the hour, each mistake named and nothing changed until
 * all is right; a used, old, made-up or cut link is refused (410) with a way to ask again; no more than three
 * links an hour go to one person, nor more than thirty asks an hour from one address; a request without the page's
 * CSRF token is refused.
 */
@MariaDbTest
@AutoConfigureMockMvc
class PasswordResetOnMariaDbTest {

    private static final String FIRST = "first-password-1";
    private static final Pattern LINK = Pattern.compile("/password/reset/([A-Za-z0-9_-]{43})");

    @Autowired MockMvc mvc;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired JdbcTemplate jdbc;
    @Autowired PasswordEncoder passwords;

    TestSchool school;

    @BeforeEach
    void school() {
        school = TestSchool.create(schools, staff);
    }

    private StaffMember person(String name, String email) {
        String username = name + "." + school.school().code();
        return staff.addStaffMember(new StaffMember(null, school.school().id(), username, "Nia", "Newcomer", email,
                "Class teacher", StaffCategory.TEACHER_MPG, true, false, school.leader().id()), FIRST);
    }

    private void ask(String who) throws Exception {
        mvc.perform(post("/password/forgot").param("who", who).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/password/forgot?sent"));
    }

    /** The tokens of the links emailed to the person, newest last, read from the outbox as the sender sends them. */
    private List<String> linksSentTo(StaffMember person) {
        return jdbc.queryForList("select text_body from mail_outbox where recipient_id = ? and kind = 'PASSWORD_RESET'"
                + " order by id", String.class, person.id()).stream().map(body -> {
                    Matcher link = LINK.matcher(body);
                    assertThat(link.find()).as(body).isTrue();
                    return link.group(1);
                }).toList();
    }

    private String hashOf(StaffMember person) {
        return jdbc.queryForObject("select password_hash from staff_member where id = ?", String.class, person.id());
    }

    @Test
    void theAnswerIsTheSameWhoeverIsTypedAndOnlyThoseWhoMayLogInWithAnEmailGetALink() throws Exception {
        StaffMember nia = person("nia", "nia@example.org");
        StaffMember noEmail = person("noemail", "noemail@example.org");
        jdbc.update("update staff_member set email = '' where id = ?", noEmail.id());
        StaffMember stopped = person("stopped", "stopped@example.org");
        staff.setActive(stopped.id(), false);
        long resetsBefore = jdbc.queryForObject("select count(*) from password_reset", Long.class);

        ask("nobody.at.all");
        ask(noEmail.username());
        ask(stopped.username());
        ask("stopped@example.org");
        assertThat(jdbc.queryForObject("select count(*) from password_reset", Long.class)).isEqualTo(resetsBefore);

        ask(nia.username());
        ask("  NIA@Example.org ");
        assertThat(linksSentTo(nia)).hasSize(2);
        assertThat(jdbc.queryForObject("select to_address from mail_outbox where recipient_id = ? and kind = 'PASSWORD_RESET'"
                + " order by id limit 1", String.class, nia.id())).isEqualTo("nia@example.org");
        // only the token's hash is kept: the table cannot be used to reset anyone's password
        String token = linksSentTo(nia).get(0);
        assertThat(jdbc.queryForList("select token_hash from password_reset where staff_id = ?", String.class, nia.id()))
                .doesNotContain(token).contains(PasswordResets.hash(token));

        // what cannot be a username or an address is named
        mvc.perform(post("/password/forgot").param("who", "  ").with(csrf())).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Enter your username or your email address")));
        mvc.perform(post("/password/forgot").param("who", "x".repeat(300)).with(csrf())).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("at most 254 characters")));
        // a form on another site cannot ask on someone's behalf
        mvc.perform(post("/password/forgot").param("who", nia.username())).andExpect(status().isForbidden());
        assertThat(linksSentTo(nia)).hasSize(2);
    }

    @Test
    void theLinkLetsItsPersonChooseANewPasswordOnceEachMistakeNamed() throws Exception {
        StaffMember nia = person("chooser", "chooser@example.org");
        ask(nia.username());
        ask(nia.username());
        List<String> tokens = linksSentTo(nia);
        String link = "/password/reset/" + tokens.get(1);
        String before = hashOf(nia);

        mvc.perform(get(link)).andExpect(status().isOk()).andExpect(content().string(containsString("Nia Newcomer")))
                .andExpect(content().string(containsString(nia.username())));
        mvc.perform(post(link).param("password", "a-long-new-one").param("repeated", "a-long-new-un").with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The two new passwords differ")))
                .andExpect(content().string(not(containsString("a-long-new-one"))));
        mvc.perform(post(link).param("password", "short").param("repeated", "short").with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("at least 10 characters")));
        mvc.perform(post(link).param("password", "a-long-new-one").param("repeated", "a-long-new-one"))
                .andExpect(status().isForbidden());
        assertThat(hashOf(nia)).isEqualTo(before);
        mvc.perform(get(link)).andExpect(status().isOk());

        mvc.perform(post(link).param("password", "a-long-new-one").param("repeated", "a-long-new-one").with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"))
                .andExpect(flash().attribute("passwordChosen", nia.username()));
        assertThat(passwords.matches("a-long-new-one", hashOf(nia))).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from admin_change where staff_id = ? and action = ?", Long.class,
                nia.id(), "Chose a new password from an emailed link")).isEqualTo(1);
        mvc.perform(formLogin().user(nia.username()).password("a-long-new-one")).andExpect(authenticated());
        mvc.perform(formLogin().user(nia.username()).password(FIRST)).andExpect(unauthenticated());

        // the link is used up, and so is the other one sent before it
        for (String used : tokens) {
            mvc.perform(get("/password/reset/" + used)).andExpect(status().isGone())
                    .andExpect(content().string(containsString("Ask for a new one")));
            mvc.perform(post("/password/reset/" + used).param("password", "taken-over-now").param("repeated", "taken-over-now")
                    .with(csrf())).andExpect(status().isGone());
        }
        assertThat(passwords.matches("a-long-new-one", hashOf(nia))).isTrue();
    }

    @Test
    void anOldMadeUpOrCutLinkIsRefusedAndNoMoreThanThreeLinksAnHourGoToOnePerson() throws Exception {
        StaffMember nia = person("limited", "limited@example.org");
        for (int i = 0; i < 5; i++) {
            ask(nia.username());
        }
        List<String> tokens = linksSentTo(nia);
        assertThat(tokens).hasSize(PasswordResets.LINKS_PER_HOUR);
        String before = hashOf(nia);

        jdbc.update("update password_reset set expires_at = ? where token_hash = ?",
                java.time.LocalDateTime.now().minusMinutes(1), PasswordResets.hash(tokens.get(0)));
        String cut = tokens.get(1).substring(0, 30);
        String madeUp = "A".repeat(43);
        for (String link : List.of(tokens.get(0), cut, madeUp, "not-a-link!")) {
            mvc.perform(get("/password/reset/" + link)).andExpect(status().isGone());
            mvc.perform(post("/password/reset/" + link).param("password", "taken-over-now")
                    .param("repeated", "taken-over-now").with(csrf())).andExpect(status().isGone());
        }
        assertThat(hashOf(nia)).isEqualTo(before);

        // a link sent before the person was stopped from logging in no longer works
        staff.setActive(nia.id(), false);
        mvc.perform(get("/password/reset/" + tokens.get(2))).andExpect(status().isGone());
        assertThat(hashOf(nia)).isEqualTo(before);
    }

    @Test
    void oneNetworkAsksForAtMostThirtyLinksAnHour() throws Exception {
        StaffMember nia = person("flooded", "flooded@example.org");
        RequestPostProcessor fromOneAddress = request -> {
            request.setRemoteAddr("203.0.113.77");
            return request;
        };
        for (int i = 0; i < 30; i++) {
            mvc.perform(post("/password/forgot").param("who", "someone." + i).with(fromOneAddress).with(csrf()))
                    .andExpect(status().is3xxRedirection());
        }
        mvc.perform(post("/password/forgot").param("who", nia.username()).with(fromOneAddress).with(csrf()))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("Too many links have been asked for from your network")));
        assertThat(linksSentTo(nia)).isEmpty();
        // another address is not held back
        ask(nia.username());
        assertThat(linksSentTo(nia)).hasSize(1);
    }
}

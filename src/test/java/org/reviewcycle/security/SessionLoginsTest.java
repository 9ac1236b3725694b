package org.reviewcycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.reviewcycle.reporting.GovernorService;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffCategory;
import org.reviewcycle.staff.StaffMove;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.TestSchool;
import org.reviewcycle.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * A login lasts only while what it was made with holds (SessionLogins), over HTTP as browsers meet it: a changed
 * password ends the person's other sessions, on either login (the form, the form on Tasklist's page), and keeps
 * the one it was changed in; a leaver's, a switched-off governor's, a former administrator's and the sessions of
 * someone moved to another school end; and
 * nobody else's session ends with theirs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionLoginsTest {

    static final String TASKLIST = "/camunda/app/tasklist/default/";
    static final String WHO_AM_I = "/camunda/api/admin/auth/user/default";
    static final String MY_TASKS = "/camunda/api/engine/engine/default/task?assignee=";
    static final String GOVERNOR_PASSWORD = "/governor/password";
    static final String NEW_PASSWORD = "a-new-password-1";

    @LocalServerPort int port;
    @Value("${reviewcycle.sessions.checked-every}") Duration checkedEvery;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired GovernorService governors;

    /** Logged in with the form on Tasklist's page (login-in-place.js), as most staff log in. */
    WebSession onTasklist(String username, String password) {
        var browser = WebSession.anonymous(port);
        browser.get(TASKLIST);
        assertThat(browser.submitTasklistLogin(username, password).statusCode()).isEqualTo(200);
        return browser;
    }

    static void assertLoggedIn(WebSession browser, String username) {
        var me = browser.get(WHO_AM_I);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"" + username + "\"");
    }

    static void assertLoggedOut(WebSession browser, String username) {
        assertThat(browser.get(WHO_AM_I).statusCode()).isEqualTo(401);
        assertThat(browser.get(MY_TASKS + username).statusCode()).isEqualTo(401);
        var page = browser.get("/me");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    static HttpResponse<String> changePassword(WebSession browser, String current, String replacement) {
        return browser.submitForm("/me/password", browser.get("/me").body(),
                Map.of("current", current, "password", replacement, "repeated", replacement));
    }

    /** Waits, at most a little longer than the check's interval, until {@code ended} holds. */
    void within(Supplier<Boolean> ended) throws InterruptedException {
        long deadline = System.nanoTime() + checkedEvery.plusSeconds(5).toNanos();
        while (!ended.get()) {
            assertThat(System.nanoTime()).as("still going after %s", checkedEvery.plusSeconds(5)).isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    @Test
    void changingYourPasswordEndsYourOtherSessionsAtTheirNextRequestAndKeepsTheOneYouChangedItIn() {
        var school = TestSchool.create(schools, staff);
        String teacher = school.teacher().username();
        String leader = school.leader().username();
        var laptop = WebSession.loggedIn(port, teacher, "demo").openTasklist();
        var phone = onTasklist(teacher, "demo");
        var tablet = onTasklist(teacher, "demo");
        var desktop = onTasklist(teacher, "demo");
        var colleague = onTasklist(leader, "demo");
        assertLoggedIn(phone, teacher);

        // a wrong current password changes nothing and ends nothing
        assertThat(changePassword(laptop, "not-the-password", NEW_PASSWORD).statusCode()).isEqualTo(400);
        assertLoggedIn(phone, teacher);

        var changed = changePassword(laptop, "demo", NEW_PASSWORD);
        assertThat(changed.statusCode()).isEqualTo(302);
        var profile = laptop.get("/me");
        assertThat(profile.statusCode()).isEqualTo(200);
        assertThat(profile.body()).contains("Your password is changed. You are still logged in here");
        assertLoggedIn(laptop, teacher);

        // the other session has ended: Tasklist's requests are refused as from someone not logged in, and the
        // login page, where Tasklist then sends them, says why, once
        assertLoggedOut(phone, teacher);
        assertThat(phone.get("/login").body()).contains("You were logged out because your password, or what you may do");
        assertThat(phone.get("/login").body()).doesNotContain("You were logged out because");
        // Tasklist's page, reloaded in a session that has ended, shows the login form on it, saying why, once
        var reloaded = desktop.get(TASKLIST).body();
        assertThat(reloaded).contains("class=\"logged-out\"", "<p class=\"message ended\" role=\"status\">"
                + "You were logged out because your password, or what you may do in ReviewCycle, has changed.");
        assertThat(desktop.get(TASKLIST).body()).contains("class=\"logged-out\"")
                .doesNotContain("You were logged out because");
        // Tasklist sends several requests at once: one of them ends the session, and none fails for it
        var atOnce = IntStream.range(0, 8).mapToObj(i -> CompletableFuture.supplyAsync(
                () -> tablet.get(i % 2 == 0 ? WHO_AM_I : MY_TASKS + teacher).statusCode())).toList();
        assertThat(atOnce.stream().map(CompletableFuture::join).toList()).containsOnly(401);

        // and it stays ended: on Tasklist's page again, the old password no longer logs in, the new one does
        phone.get(TASKLIST);
        assertThat(phone.submitTasklistLogin(teacher, "demo").statusCode()).isEqualTo(401);
        assertThat(phone.submitTasklistLogin(teacher, NEW_PASSWORD).statusCode()).isEqualTo(200);
        assertLoggedIn(phone, teacher);

        // nobody else's session ended with theirs, and a colleague changing their own password ends none of the teacher's
        assertLoggedIn(colleague, leader);
        assertThat(changePassword(colleague, "demo", NEW_PASSWORD).statusCode()).isEqualTo(302);
        assertLoggedIn(colleague, leader);
        assertLoggedIn(laptop, teacher);
        assertLoggedIn(phone, teacher);
    }

    @Test
    void aLeaversSessionEndsOnceTheirLastDayIsPastAndTheirColleaguesGoOn() throws InterruptedException {
        var school = TestSchool.create(schools, staff);
        String teacher = school.teacher().username();
        var leaver = onTasklist(teacher, "demo");
        var colleague = onTasklist(school.assistant().username(), "demo");
        // their last day tomorrow: still working
        staff.markLeaver(school.school().id(), school.teacher().id(), LocalDate.now().plusDays(1));
        Thread.sleep(checkedEvery.toMillis() + 500);
        assertLoggedIn(leaver, teacher);

        // dismissed: their last day was yesterday
        staff.markLeaver(school.school().id(), school.teacher().id(), LocalDate.now().minusDays(1));
        within(() -> leaver.get(WHO_AM_I).statusCode() == 401);
        assertLoggedOut(leaver, teacher);
        assertLoggedIn(colleague, school.assistant().username());
    }

    @Test
    @WithMockUser(username = "admin", authorities = {"admins", "trust-admins"}) // who moves staff between schools
    void someoneMovedToAnotherSchoolIsLoggedOutAndLogsInAgainAtTheNewSchool() throws InterruptedException {
        var from = TestSchool.create(schools, staff);
        var to = TestSchool.create(schools, staff);
        String teacher = from.teacher().username();
        var moving = onTasklist(teacher, "demo");
        var colleague = onTasklist(from.assistant().username(), "demo");

        staff.moveToSchool(from.school().id(), from.teacher().id(), new StaffMove(to.school().id(), LocalDate.now(),
                StaffCategory.TEACHER_MPG, "Class teacher", null, to.leader().id(), null, null));

        // their login was made with the old school's records open to them: it ends
        within(() -> moving.get(WHO_AM_I).statusCode() == 401);
        assertLoggedOut(moving, teacher);
        assertLoggedIn(colleague, from.assistant().username());
        // and the next login is made with the new school's
        var again = onTasklist(teacher, "demo");
        assertThat(again.get(WHO_AM_I).body()).contains("\"" + teacher + "\"");
        assertThat(again.get("/me").body()).contains(to.school().name()).doesNotContain(from.school().name());
    }

    @Test
    void anAdministratorsSessionEndsWhenTheRoleIsTakenAwayAndTheNextLoginHasNone() throws InterruptedException {
        var school = TestSchool.create(schools, staff);
        String deputy = school.leader().username();
        staff.setAdministrator(school.school().id(), school.leader().id(), true);
        var admin = WebSession.loggedIn(port, deputy, "demo");
        assertThat(admin.get("/admin/schools/" + school.school().id()).statusCode()).isEqualTo(200);

        staff.setAdministrator(school.school().id(), school.leader().id(), false);
        within(() -> admin.get(WHO_AM_I).statusCode() == 401);
        var refused = admin.get("/admin/schools/" + school.school().id());
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

        var again = WebSession.loggedIn(port, deputy, "demo").openTasklist();
        assertThat(again.get("/admin/schools/" + school.school().id()).statusCode()).isEqualTo(403);
        assertLoggedIn(again, deputy);
    }

    @Test
    void aGovernorStoppedFromLoggingInIsLoggedOutAndOneWhoChangesTheirPasswordKeepsOnlyThatSession()
            throws InterruptedException {
        var school = TestSchool.create(schools, staff);
        String username = "gov." + school.school().code();
        var governor = governors.addGovernor(school.school().id(), "Gwen", "Governor", username + "@example.org",
                username, "governor-password");
        var home = WebSession.loggedIn(port, username, "governor-password");
        var work = WebSession.loggedIn(port, username, "governor-password");
        assertThat(home.get("/dashboard").statusCode()).isIn(200, 302);

        var page = home.get(GOVERNOR_PASSWORD).body();
        var changed = home.submitForm(GOVERNOR_PASSWORD, page,
                Map.of("current", "governor-password", "password", NEW_PASSWORD, "repeated", NEW_PASSWORD));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(home.get(GOVERNOR_PASSWORD).statusCode()).isEqualTo(200);
        var ended = work.get(GOVERNOR_PASSWORD);
        assertThat(ended.statusCode()).isEqualTo(302);
        assertThat(ended.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

        governors.setActive(school.school().id(), governor.id(), false);
        within(() -> home.get(GOVERNOR_PASSWORD).statusCode() == 302);
        assertThat(home.get("/dashboard").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }
}

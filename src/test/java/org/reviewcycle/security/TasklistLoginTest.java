package org.reviewcycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.TestSchool;
import org.reviewcycle.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The login in place, over HTTP as the browser meets it: the front door opens Tasklist's page with the login
 * form for someone not logged in, and the form logs in through Camunda's login path, which is ReviewCycle's
 * login there (TasklistLogin): the same password check, a new session, the webapps' token required, nothing
 * of anyone's data before it, and Camunda's login for its other apps still refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TasklistLoginTest {

    static final String TASKLIST = "/camunda/app/tasklist/default/";
    static final String WHO_AM_I = "/camunda/api/admin/auth/user/default";
    static final String LOGOUT = "/camunda/api/admin/auth/user/default/logout";

    @LocalServerPort int port;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;

    /** Someone not logged in who has Tasklist's page open, with the webapps' XSRF token it gives. */
    WebSession onTasklistsPage() {
        var visitor = WebSession.anonymous(port);
        visitor.get(TASKLIST);
        return visitor;
    }

    @Test
    void theFrontDoorOpensTasklistsPageWithTheLoginFormAndNothingElseForSomeoneNotLoggedIn() {
        var visitor = WebSession.anonymous(port);
        var frontDoor = visitor.get("/");
        assertThat(frontDoor.statusCode()).isEqualTo(302);
        assertThat(frontDoor.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(TASKLIST));

        var page = visitor.get(TASKLIST);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"en\" class=\"logged-out\">", "id=\"reviewcycle-login\"",
                "/reviewcycle/login-in-place.js");
        assertThat(page.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-store"));
        // Tasklist's own files and the engine's name, but no data: who is logged in, tasks, filters, users
        assertThat(visitor.get("/camunda/app/tasklist/scripts/config.js").statusCode()).isEqualTo(200);
        assertThat(visitor.get("/camunda/api/engine/engine/").statusCode()).isEqualTo(200);
        for (String data : new String[] {WHO_AM_I, "/camunda/api/engine/engine/default/task",
                "/camunda/api/engine/engine/default/filter", "/camunda/api/engine/engine/default/user",
                "/camunda/api/engine/engine/default/user/head/profile", "/camunda/app/cockpit/default/",
                "/camunda/app/admin/default/", "/camunda/app/welcome/default/", "/cycles", "/admin"}) {
            assertThat(visitor.get(data).statusCode()).as(data).isIn(302, 401, 403);
        }

        // Tasklist's other addresses are not opened: the page without the form would show nobody anything either
        var withoutSlash = visitor.get("/camunda/app/tasklist/default");
        assertThat(withoutSlash.statusCode()).isIn(302, 401);
        assertThat(withoutSlash.body()).doesNotContain("class=\"logged-in\"");

        // someone logged in gets the same page without the form
        var teacher = WebSession.loggedIn(port, "teacher.mpg", "demo");
        assertThat(teacher.get(TASKLIST).body()).contains("<html lang=\"en\" class=\"logged-in\">")
                .doesNotContain("class=\"logged-out\"");
    }

    @Test
    void theFormLogsInThroughTasklistWithANewSessionAndTheWebappsLogin() {
        var person = onTasklistsPage();
        String before = person.cookie("JSESSIONID").orElseThrow();

        var login = person.submitTasklistLogin("teacher.mpg", "demo");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).isEqualTo("{\"userId\":\"teacher.mpg\",\"authorizedApps\":[\"tasklist\",\"welcome\"]}");
        assertThat(person.cookie("JSESSIONID")).isPresent().get().isNotEqualTo(before);
        // logged in for Tasklist, the REST API and our own pages alike
        assertThat(person.get(WHO_AM_I).body()).contains("\"userId\":\"teacher.mpg\"");
        assertThat(person.get("/camunda/api/engine/engine/default/task?maxResults=5").statusCode()).isEqualTo(200);
        assertThat(person.get("/me").statusCode()).isEqualTo(200);
        assertThat(person.get(TASKLIST).body()).contains("class=\"logged-in\"");
        // and the login opened their own task list, as the form login does: the filter is theirs
        assertThat(person.get("/").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("filter="));

        var admin = onTasklistsPage();
        assertThat(admin.submitTasklistLogin("admin", "demo").body()).contains("\"cockpit\"", "\"tasklist\"");
        // an admin's tools, which Spring Security grants from the same login
        assertThat(admin.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
    }

    @Test
    void theWebappsTokenFromBeforeTheLoginIsRefusedAfterItOnBothLogins() {
        var inPlace = onTasklistsPage();
        String before = inPlace.cookie("XSRF-TOKEN").orElseThrow();
        var login = inPlace.submitTasklistLogin("teacher.mpg", "demo");
        assertThat(login.statusCode()).isEqualTo(200);
        String after = inPlace.cookie("XSRF-TOKEN").orElseThrow();
        assertThat(after).isNotEqualTo(before);
        assertThat(login.headers().firstValue("X-XSRF-TOKEN")).hasValue(after);
        // a token someone learnt before the login (a shared computer) changes nothing: here, Tasklist's logout
        assertThat(inPlace.postWithWebappsToken(LOGOUT, before).statusCode()).isEqualTo(403);
        assertThat(inPlace.get(WHO_AM_I).statusCode()).isEqualTo(200);
        // while Tasklist goes on with the new one: its task list, then its logout
        assertThat(inPlace.postJson("/camunda/api/engine/engine/default/task?maxResults=5", "{}").statusCode()).isEqualTo(200);
        assertThat(inPlace.postWithWebappsToken(LOGOUT, after).statusCode()).isEqualTo(200);
        assertThat(inPlace.get(WHO_AM_I).statusCode()).isEqualTo(401);

        // the login form at /login, after Tasklist's page had given the browser a token
        var form = onTasklistsPage();
        String earlier = form.cookie("XSRF-TOKEN").orElseThrow();
        assertThat(form.submitLogin("teacher.mpg", "demo").statusCode()).isEqualTo(302);
        form.get(TASKLIST);
        String later = form.cookie("XSRF-TOKEN").orElseThrow();
        assertThat(later).isNotEqualTo(earlier);
        assertThat(form.postWithWebappsToken(LOGOUT, earlier).statusCode()).isEqualTo(403);
        assertThat(form.get(WHO_AM_I).statusCode()).isEqualTo(200);
        assertThat(form.postWithWebappsToken(LOGOUT, later).statusCode()).isEqualTo(200);
    }

    @Test
    void ourPagesTokenFromBeforeTheLoginIsRefusedAfterIt() {
        var person = WebSession.anonymous(port);
        String loginPage = person.get("/login").body();
        person.get(TASKLIST);
        assertThat(person.submitTasklistLogin("teacher.mpg", "demo").statusCode()).isEqualTo(200);
        // a token someone learnt before the login (a shared computer) no longer works: here, to log out
        assertThat(person.submitForm("/logout", loginPage).statusCode()).isEqualTo(403);
        assertThat(person.get(WHO_AM_I).statusCode()).isEqualTo(200);
        assertThat(person.submitForm("/logout", person.get("/me").body()).headers().firstValue("Location"))
                .hasValue(TASKLIST + "?logout");
    }

    @Test
    void aWrongPasswordIsOneSentenceAndLogsNobodyIn() {
        var person = onTasklistsPage();
        var refused = person.submitTasklistLogin("teacher.mpg", "not-demo");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).isEqualTo("{\"type\":\"LoginFailed\",\"message\":\"That username and password do not "
                + "match an active member of staff. Check them and try again.\"}");
        var nobody = person.submitTasklistLogin("no.such.person", "demo");
        assertThat(nobody.statusCode()).isEqualTo(401);
        assertThat(nobody.body()).isEqualTo(refused.body());
        assertThat(person.get(WHO_AM_I).statusCode()).isEqualTo(401);
        assertThat(person.get("/me").statusCode()).isEqualTo(302);
    }

    @Test
    void aLoginPostedFromAnotherSiteWithoutTheWebappsTokenIsRefusedAndLogsNobodyIn() {
        // another site can make the browser post, but cannot read the XSRF token the page gave it
        var person = WebSession.anonymous(port);
        var forged = person.submitTasklistLogin("teacher.mpg", "demo");
        assertThat(forged.statusCode()).isIn(401, 403);
        assertThat(forged.body()).doesNotContain("userId");
        assertThat(person.get(WHO_AM_I).statusCode()).isEqualTo(401);
        assertThat(person.get("/me").statusCode()).isEqualTo(302);

        // a session that has Tasklist's page, but a post that lacks its token
        var page = onTasklistsPage();
        var sameSession = WebSession.withCookie("http://localhost:" + port, "JSESSIONID", page.cookie("JSESSIONID").orElseThrow());
        assertThat(sameSession.submitTasklistLogin("teacher.mpg", "demo").statusCode()).isIn(401, 403);
        assertThat(page.get(WHO_AM_I).statusCode()).isEqualTo(401);
    }

    @Test
    void camundasLoginForItsOtherAppsStaysRefusedEvenWithTheToken() {
        var person = onTasklistsPage();
        for (String app : new String[] {"cockpit", "admin", "welcome"}) {
            var login = person.send("POST", "/camunda/api/admin/auth/user/default/login/" + app + "?username=admin&password=demo");
            assertThat(login.statusCode()).as(app).isIn(401, 403);
        }
        assertThat(person.get(WHO_AM_I).statusCode()).isEqualTo(401);
    }

    @Test
    void aGovernorLogsInThereAndIsSentToTheirDashboardWithoutTasklist() {
        var governor = onTasklistsPage();
        var login = governor.submitTasklistLogin("governor", "demo-governor");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).isEqualTo("{\"userId\":\"governor\",\"authorizedApps\":[]}");
        assertThat(governor.get("/").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/dashboard"));
        assertThat(governor.get("/camunda/api/engine/engine/default/task").statusCode()).isEqualTo(403);
    }

    @Test
    void aLeaverCannotLogInThere() {
        var school = TestSchool.create(schools, staff);
        var person = onTasklistsPage();
        staff.markLeaver(school.school().id(), school.teacher().id(), LocalDate.now().minusDays(1));
        assertThat(person.submitTasklistLogin(school.teacher().username(), "demo").statusCode()).isEqualTo(401);
    }
}

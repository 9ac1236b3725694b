package org.reviewcycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Logout only by a POST the site itself made, the session cookie's attributes (behind a TLS proxy
 * too), and the Content-Security-Policy: ours on our pages, Camunda's alone on its webapps.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HeadersAndCookiesTest {

    @Autowired SchoolService schools;

    static final String CAMUNDA_LOGOUT = "/camunda/api/admin/auth/user/default/logout";
    static final String TASKLIST = "/camunda/app/tasklist/default/";

    @LocalServerPort int port;

    @Test
    void aLinkToLogoutDoesNotLogAnyoneOut() {
        var teacher = WebSession.loggedIn(port, "teacher.mpg", "demo");

        var followedLink = teacher.get("/logout");
        assertThat(followedLink.headers().firstValue("Location")).isEmpty();
        assertThat(teacher.get(TASKLIST).body()).contains("class=\"logged-in\"");
    }

    @Test
    void aPostToLogoutFromAnotherSiteWithoutTheCsrfTokenDoesNotLogAnyoneOut() {
        var teacher = WebSession.loggedIn(port, "teacher.mpg", "demo");
        // another site's form can make the browser send the session cookie, but not the page's token
        var otherSite = WebSession.withCookie("http://localhost:" + port, "JSESSIONID", teacher.cookie("JSESSIONID").orElseThrow());

        assertThat(otherSite.send("POST", "/logout").statusCode()).isEqualTo(403);
        assertThat(teacher.get(TASKLIST).body()).contains("class=\"logged-in\"");

        // the page's own form, with its token, logs out, to Tasklist's page, which says so and asks for the
        // next login in place (the quick one, for the next person at a shared computer)
        var loggedOut = teacher.submitForm("/logout", teacher.get("/login").body());
        assertThat(loggedOut.headers().firstValue("Location")).hasValue(TASKLIST + "?logout");
        assertThat(teacher.get(TASKLIST + "?logout").body()).contains("class=\"logged-out\"",
                "<p class=\"message ended\" role=\"status\">You have logged out.</p>");
        // said only where a logout lands
        assertThat(teacher.get(TASKLIST).body()).contains("class=\"logged-out\"",
                "<p class=\"message ended\" role=\"status\" hidden></p>").doesNotContain("You have logged out.");
    }

    @Test
    void tasklistsLogoutNeedsTheWebappsXsrfToken() {
        var teacher = WebSession.loggedIn(port, "teacher.mpg", "demo").openTasklist();
        assertThat(teacher.cookie("XSRF-TOKEN")).isPresent();
        var otherSite = WebSession.withCookie("http://localhost:" + port, "JSESSIONID", teacher.cookie("JSESSIONID").orElseThrow());

        var forged = otherSite.send("POST", CAMUNDA_LOGOUT);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("This change did not come from ReviewCycle's own pages, so it was refused.");
        assertThat(teacher.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(200);
        assertThat(teacher.get(TASKLIST).body()).contains("class=\"logged-in\"");

        // any other change through the webapps' API without the token: refused, and the session kept
        // (Camunda's own CSRF filter would end it)
        assertThat(otherSite.postJson("/camunda/api/engine/engine/default/task/create", "{}").statusCode()).isEqualTo(403);
        assertThat(teacher.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(200);

        // Tasklist itself, with the token, logs out
        assertThat(teacher.postJson(CAMUNDA_LOGOUT, "").statusCode()).isEqualTo(200);
        assertThat(teacher.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(401);
    }

    @Test
    void theSessionCookieIsSameSiteLaxAndHttpOnlyAndSecureBehindAnHttpsProxy() throws Exception {
        String plain = sessionCookieOf(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")));
        assertThat(plain).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");

        // as nginx sends it when TLS ends in front of it (docker/nginx.conf)
        String behindTls = sessionCookieOf(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("X-Forwarded-Proto", "https"));
        assertThat(behindTls).contains("HttpOnly", "SameSite=Lax", "Secure");
    }

    private static String sessionCookieOf(HttpRequest.Builder request) throws Exception {
        var response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + response.headers()));
    }

    @Test
    void ourPagesCarryOurContentSecurityPolicyAndCamundasWebappsOnlyTheirOwn() {
        assertThat(WebSession.anonymous(port).get("/login").headers().allValues("Content-Security-Policy"))
                .containsExactly(ContentSecurityPolicy.OURS);
        var admin = WebSession.loggedIn(port, "admin", "demo");
        long littletown = schools.findSchool("littletown").orElseThrow().id();
        var cycles = admin.get("/admin/schools/" + littletown + "/cycles");
        assertThat(cycles.statusCode()).isEqualTo(200);
        assertThat(cycles.headers().allValues("Content-Security-Policy")).containsExactly(ContentSecurityPolicy.OURS);
        var notFound = admin.send("GET", "/no-such-page");
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.headers().allValues("Content-Security-Policy")).containsExactly(ContentSecurityPolicy.OURS);
        assertThat(admin.get("/engine-rest/task?maxResults=1").headers().allValues("Content-Security-Policy"))
                .containsExactly(ContentSecurityPolicy.OURS);

        for (String webapp : new String[] {TASKLIST, "/camunda/app/cockpit/default/", "/camunda/app/admin/default/",
                "/camunda/app/welcome/default/"}) {
            var page = admin.get(webapp);
            assertThat(page.statusCode()).as(webapp).isEqualTo(200);
            assertThat(page.headers().allValues("Content-Security-Policy")).as(webapp).hasSize(1)
                    .doesNotContain(ContentSecurityPolicy.OURS);
        }
    }
}

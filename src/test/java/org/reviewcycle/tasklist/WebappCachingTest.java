package org.reviewcycle.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.reviewcycle.support.WebSession;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What a browser may keep of the webapps' files, and that they come compressed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebappCachingTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort int port;

    @Test
    void camundasOwnFilesAreKeptForAYearAndSentCompressed() throws Exception {
        String session = loggedInSession();
        for (String path : new String[] {"/camunda/lib/deps.js?bust=7.24.0",
                "/camunda/app/tasklist/camunda-tasklist-bootstrap.js?bust=7.24.0",
                "/camunda/app/tasklist/camunda-tasklist-bootstrap.css?bust=7.24.0",
                "/camunda/app/tasklist/locales/en.json?bust=7.24.0"}) {
            var response = get(path, session);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Cache-Control")).as(path).contains(WebappCaching.CAMUNDA_FILES);
            assertThat(response.headers().firstValue("Content-Encoding")).as(path).contains("gzip");
        }
        assertThat(get("/camunda/assets/IBMPlexSans-Regular.woff?bust=7.24.0", session).headers()
                .firstValue("Cache-Control")).contains(WebappCaching.CAMUNDA_FILES);
    }

    @Test
    void ourFilesBesideThemAreCheckedEveryTime() throws Exception {
        String session = loggedInSession();
        for (String path : new String[] {"/camunda/app/tasklist/scripts/config.js?bust=1",
                "/camunda/app/tasklist/styles/user-styles.css?bust=7.24.0", "/camunda/app/welcome/scripts/config.js",
                "/reviewcycle/translations.js?bust=7.24.0"}) {
            var response = get(path, session);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Cache-Control")).as(path).contains(WebappCaching.OUR_FILES);
            // unchanged since the browser's copy: "not modified", no body
            var again = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Cookie", "JSESSIONID=" + session)
                    .header("If-Modified-Since", response.headers().firstValue("Last-Modified").orElseThrow()));
            assertThat(again.statusCode()).as(path).isEqualTo(304);
        }
    }

    @Test
    void pagesAndTheApiAreNotKept() throws Exception {
        String session = loggedInSession();
        for (String path : new String[] {"/camunda/app/tasklist/default/", "/camunda/api/engine/engine/default/filter",
                "/login"}) {
            assertThat(get(path, session).headers().firstValue("Cache-Control")).as(path)
                    .hasValueSatisfying(value -> assertThat(value).contains("no-"));
        }
        assertThat(WebappCaching.policyFor("POST", "/camunda/lib/deps.js")).isNull();
    }

    @Test
    void theLoginPageHasTasklistsScriptsFetchedWhileThePersonTypes() throws Exception {
        String login = new String(send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))).body());
        for (String file : new String[] {"/camunda/lib/runtime.js?bust=7.24.0", "/camunda/lib/deps.js?bust=7.24.0",
                "/camunda/app/tasklist/camunda-tasklist-bootstrap.js?bust=7.24.0"}) {
            assertThat(login).contains("<link rel=\"prefetch\" href=\"" + file + "\">");
            // Camunda's open-source files, the same for everyone, kept a year
            var response = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + file)));
            assertThat(response.statusCode()).as(file).isEqualTo(200);
            assertThat(response.headers().firstValue("Cache-Control")).as(file)
                    .hasValueSatisfying(value -> assertThat(value).contains("max-age=31536000"));
        }
        // Tasklist's page shows the login form to someone not logged in; what it reads still needs a login
        assertThat(new String(send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/camunda/app/tasklist/default/"))).body())).contains("class=\"logged-out\"");
        assertThat(send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/camunda/api/engine/engine/default/filter"))).statusCode()).isIn(302, 401);
    }

    @Test
    void aRefusalOfSomeoneNotLoggedInIsNeverKept() throws Exception {
        var response = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/camunda/app/cockpit/camunda-cockpit-bootstrap.js?bust=7.24.0")).header("Accept", "text/html"));
        // sent to the login page, or refused: either way not the file, and not to be kept in its place
        assertThat(response.statusCode()).isIn(302, 401);
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(value ->
                assertThat(value).contains("no-store").doesNotContain("max-age=31536000"));
    }

    private String loggedInSession() {
        return WebSession.loggedIn(port, "teacher.mpg", "demo").cookie("JSESSIONID").orElseThrow();
    }

    private HttpResponse<byte[]> get(String path, String session) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Cookie", "JSESSIONID=" + session).header("Accept-Encoding", "gzip"));
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}

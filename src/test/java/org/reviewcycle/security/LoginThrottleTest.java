package org.reviewcycle.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.TestSchool;
import org.reviewcycle.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Password guessing is throttled per account and per client address, on the login form, HTTP
 * basic and the engine's identity/verify. With short settings of its own, and so a Spring context
 * of its own: its lockouts never reach the other tests, which log in often from the same address.
 * Every account here is new, and the guessing from an address comes through a trusted proxy's
 * X-Forwarded-For, so 127.0.0.1 stays below its limit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
        "reviewcycle.login-throttle.account-failures=3",
        "reviewcycle.login-throttle.address-failures=20",
        "reviewcycle.login-throttle.first-lock=5s",
        "reviewcycle.login-throttle.longest-lock=10s"})
class LoginThrottleTest {

    static final String TASKS = "/engine-rest/task?maxResults=1";

    @LocalServerPort int port;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;

    String newAccount() {
        return TestSchool.create(schools, staff).teacher().username();
    }

    @Test
    void afterARunOfWrongPasswordsTheLoginFormRefusesEvenTheRightOneAndSaysWhy() {
        String account = newAccount();
        var browser = WebSession.anonymous(port);
        for (int i = 0; i < 3; i++) {
            assertThat(browser.submitLogin(account, "guess" + i).headers().firstValue("Location")).hasValue("/login?error");
        }

        var rightPassword = browser.submitLogin(account, "demo");
        assertThat(rightPassword.headers().firstValue("Location")).hasValue("/login?error");
        assertThat(browser.get("/login?error").body())
                .contains("Too many failed attempts for this account. Try again in 1 minute.")
                .doesNotContain("ENGINE", "Exception", "do not match");
        assertThat(browser.get("/camunda/app/tasklist/default/").body()).contains("class=\"logged-out\"");
        // the address is not locked: a colleague logs in
        WebSession.loggedIn(port, newAccount(), "demo");

        // once the lock has passed, the right password works, and a success ends the run
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> basic(account, "demo", null).statusCode() == 200);
        for (int round = 0; round < 2; round++) {
            WebSession.anonymous(port).submitLogin(account, "wrong");
            WebSession.anonymous(port).submitLogin(account, "wrong");
            WebSession.loggedIn(port, account, "demo");
        }
    }

    @Test
    void theLoginFormOnTasklistsPageIsThrottledWithTheOthersAndAnswers429WithTheSentence() {
        String account = newAccount();
        var browser = WebSession.anonymous(port);
        browser.get("/camunda/app/tasklist/default/");
        // failures count across the ways in: two on the form login, one here
        browser.submitLogin(account, "guess0");
        browser.submitLogin(account, "guess1");
        assertThat(browser.submitTasklistLogin(account, "guess2").statusCode()).isEqualTo(401);

        var rightPassword = browser.submitTasklistLogin(account, "demo");
        assertThat(rightPassword.statusCode()).isEqualTo(429);
        assertThat(rightPassword.body()).isEqualTo("{\"type\":\"TooManyFailedLogins\",\"message\":"
                + "\"Too many failed attempts for this account. Try again in 1 minute.\"}");
        assertThat(Long.parseLong(rightPassword.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 5L);
        assertThat(browser.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(401);

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> browser.submitTasklistLogin(account, "demo").statusCode() == 200);
        assertThat(browser.get("/camunda/api/admin/auth/user/default").body()).contains(account);
    }

    @Test
    void httpBasicAnswers429WithRetryAfterAndEachFurtherRunLocksLonger() throws Exception {
        String account = newAccount();
        for (int i = 0; i < 3; i++) {
            assertThat(basic(account, "guess" + i, null).statusCode()).isEqualTo(401);
        }
        var first = basic(account, "demo", null);
        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(first.body()).isEqualTo("{\"type\":\"TooManyFailedLogins\",\"message\":"
                + "\"Too many failed attempts for this account. Try again in 1 minute.\"}");
        assertThat(Long.parseLong(first.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 5L);

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
                .until(() -> basic(account, "wrong", null).statusCode() == 401);
        basic(account, "wrong", null);
        basic(account, "wrong", null);
        var second = basic(account, "demo", null);
        assertThat(second.statusCode()).isEqualTo(429);
        // twice the first lock (10 s, also the longest): more than the first could ever show
        assertThat(Long.parseLong(second.headers().firstValue("Retry-After").orElseThrow())).isBetween(6L, 10L);
    }

    @Test
    void identityVerifyIsThrottledForTheAccountItChecks() throws Exception {
        String account = newAccount();
        var admin = WebSession.basic(port, "admin", "demo");
        String wrong = "{\"username\": \"" + account + "\", \"password\": \"guess\"}";
        for (int i = 0; i < 3; i++) {
            var verified = admin.postJson("/engine-rest/identity/verify", wrong);
            assertThat(verified.statusCode()).isEqualTo(200);
            assertThat(verified.body()).contains("\"authenticated\":false");
        }

        var right = admin.postJson("/engine-rest/identity/verify", "{\"username\": \"" + account + "\", \"password\": \"demo\"}");
        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(right.headers().firstValue("Retry-After")).isPresent();
        assertThat(right.body()).contains("Too many failed attempts for this account.").doesNotContain("ENGINE", "Exception");
        // the same account, locked for every way in
        assertThat(basic(account, "demo", null).statusCode()).isEqualTo(429);
        // and the admin who asked is not
        assertThat(admin.get(TASKS).statusCode()).isEqualTo(200);
    }

    @Test
    void anAddressGuessingAtManyAccountsIsRefusedEvenForAKnownPasswordWhileOthersLogIn() throws Exception {
        String account = newAccount();
        String guesser = "198.51.100.7";
        for (int i = 0; i < 20; i++) {
            assertThat(basic("nobody-" + i, "guess", guesser).statusCode()).isEqualTo(401);
        }

        var refused = basic(account, "demo", guesser);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("Too many failed attempts from your network.");
        assertThat(basic(account, "demo", "198.51.100.8").statusCode()).isEqualTo(200);
        // a success from the address does not forgive it
        assertThat(basic(account, "demo", guesser).statusCode()).isEqualTo(429);
    }

    /** A request to {@code /engine-rest} with HTTP basic, through a trusted proxy for {@code forwardedFor} if given. */
    HttpResponse<String> basic(String username, String password, String forwardedFor) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + TASKS))
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

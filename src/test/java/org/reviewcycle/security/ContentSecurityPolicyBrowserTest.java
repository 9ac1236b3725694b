package org.reviewcycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.logging.LogType;
import org.reviewcycle.support.Browser;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Our login page and Camunda's webapps work under their Content-Security-Policies in a real
 * browser: each page loads, and the browser's console reports no violation (chromium writes one
 * line per blocked script, style, image or connection).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContentSecurityPolicyBrowserTest {

    @LocalServerPort int port;

    @Test
    void theLoginPageTasklistCockpitAdminAndWelcomeLoadWithNoPolicyViolation() {
        try (var browser = new Browser(port, "content-security-policy")) {
            List<String> console = new ArrayList<>();
            browser.open("/login");
            browser.waitUntilTextShown("Log in");
            console.addAll(consoleOf(browser));

            browser.logIn("admin", "demo");
            browser.waitUntilPathStartsWith("/camunda/app/tasklist/default/");
            browser.waitUntilTextShown("All tasks");
            // the task list has arrived (its requests too are under the policy)
            browser.waitUntil(() -> !browser.pageText().contains("Loading"));
            browser.screenshot("1-tasklist");
            console.addAll(consoleOf(browser));

            browser.open("/camunda/app/cockpit/default/#/dashboard");
            browser.waitUntilTextShown("Deployments");
            browser.screenshot("2-cockpit");
            console.addAll(consoleOf(browser));

            browser.open("/camunda/app/admin/default/#/users");
            browser.waitUntilTextShown("Patel");
            browser.screenshot("3-admin");
            console.addAll(consoleOf(browser));

            browser.open("/camunda/app/welcome/default/");
            browser.waitUntilTextShown("Welcome");
            browser.screenshot("4-welcome");
            console.addAll(consoleOf(browser));

            assertThat(console).as("the browser's console").noneMatch(line ->
                    line.contains("Content Security Policy") || line.contains("Content-Security-Policy")
                            || line.contains("Refused to"));
        }
    }

    private static List<String> consoleOf(Browser browser) {
        return browser.driver().manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(entry -> entry.getLevel() + " " + entry.getMessage()).toList();
    }
}

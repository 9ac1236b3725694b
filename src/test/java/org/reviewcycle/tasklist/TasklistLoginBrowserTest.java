package org.reviewcycle.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.reviewcycle.support.Browser;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** One login for Tasklist, in a real browser: log in, reach Tasklist, log out, and be asked again. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TasklistLoginBrowserTest {

    @LocalServerPort int port;

    @Test
    void aTeacherLogsInReachesTasklistLogsOutAndIsAskedToLogInAgain() {
        try (var browser = new Browser(port, "tasklist-login")) {
            // where the README sends a new user: the front door
            browser.open("/");
            browser.waitUntilPathStartsWith("/login");
            browser.screenshot("1-login-page");

            browser.logIn("teacher.mpg", "demo");
            browser.waitUntilPathStartsWith("/camunda/app/tasklist/default/");
            browser.waitUntilTextShown("My tasks");
            browser.screenshot("2-tasklist");
            assertThat(browser.pageText()).contains("Amy Clarke").doesNotContain("Cockpit");

            browser.click(By.cssSelector(".account"));
            browser.screenshot("3-account-menu");
            browser.click(By.xpath("//a[contains(., 'Log out')]"));
            browser.waitUntilPathStartsWith("/login");
            browser.screenshot("4-logged-out");

            browser.open("/camunda/app/tasklist/default/");
            browser.waitUntilPathStartsWith("/login");
            assertThat(browser.pageText()).contains("ReviewCycle", "Username", "Password");
            browser.screenshot("5-asked-again");
        }
    }

    @Test
    void anAdminSeesTheStaffAsCamundaUsersInAdminReadOnly() {
        try (var browser = new Browser(port, "admin-users")) {
            browser.logIn("admin", "demo");
            browser.waitUntilPathStartsWith("/camunda/app/tasklist/");
            browser.open("/camunda/app/admin/default/#/users");
            browser.waitUntilTextShown("Patel");
            browser.waitUntilTextShown("read-only here");
            browser.screenshot("1-users");
            // sorted by username; other tests' schools may fill the rest of the first page
            assertThat(browser.pageText()).contains("Sam", "Patel", "admin@littletown.example.org")
                    .doesNotContain("Add user");
            browser.open("/camunda/app/admin/default/#/users/deputy?tab=profile");
            browser.waitUntilTextShown("Edit user David Okafor");
            browser.waitUntilTextShown("read-only here");
            browser.screenshot("2-a-profile");
            assertThat(browser.pageText()).doesNotContain("Update Profile");
            browser.open("/camunda/app/admin/default/#/groups");
            browser.waitUntilTextShown("heads-littletown");
            browser.screenshot("3-groups");
            assertThat(browser.pageText()).doesNotContain("Create new group");
        }
    }
}

package org.reviewcycle.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.security.StaffTaskActionsTest;
import org.reviewcycle.staff.EngineGroups;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.Browser;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One login for Tasklist, in a real browser: the front door shows the login form on Tasklist's page, Tasklist
 * starts behind it, and the login shows the task list without loading another page; a wrong password is one
 * sentence; logging out asks again; a governor is sent on to their dashboard.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TasklistLoginBrowserTest {

    private static final By LOG_IN = By.cssSelector("#reviewcycle-login button[type=submit]");

    @LocalServerPort int port;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;

    @Test
    void aTeacherLogsInOnTasklistsPageWithoutAnotherPageLoadLogsOutAndIsAskedToLogInAgain() {
        try (var browser = new Browser(port, "tasklist-login")) {
            // where the README sends a new user: the front door
            browser.open("/");
            browser.waitUntilPathStartsWith("/camunda/app/tasklist/default/");
            browser.waitFor(By.id("username"));
            browser.waitUntil(() -> "started".equals(browser.driver().executeScript(
                    "return document.documentElement.dataset.tasklist")));
            browser.screenshot("1-login-form");
            // the form alone: Tasklist is there behind it, but neither seen nor reachable
            assertThat(browser.pageText()).contains("ReviewCycle", "Username", "Password")
                    .doesNotContain("Tasklist", "Camunda", "Log out");

            browser.type(By.id("username"), "teacher.mpg");
            browser.type(By.id("password"), "not-her-password");
            browser.click(LOG_IN);
            browser.waitUntilTextShown("That username and password do not match an active member of staff.");
            browser.screenshot("2-wrong-password");
            assertThat(browser.waitFor(By.id("password")).getDomProperty("value")).isEmpty();
            assertThat(browser.pageText()).doesNotContain("Tasklist", "401", "Unauthorized");

            browser.driver().executeScript("window.beforeTheLogin = true");
            browser.type(By.id("password"), "demo");
            browser.click(LOG_IN);
            browser.waitUntilTextShown("My tasks");
            browser.waitFor(By.cssSelector(".tasks-list li.task"));
            browser.screenshot("3-tasklist");
            assertThat(browser.driver().executeScript("return window.beforeTheLogin === true"))
                    .as("the task list came without loading another page").isEqualTo(true);
            assertThat(browser.driver().executeScript("return document.getElementById('reviewcycle-login')"))
                    .as("the form and the password typed into it are gone from the page").isNull();
            assertThat(browser.currentPath()).contains("filter=").contains("dueDate");
            assertThat(browser.pageText()).contains("Amy Clarke").doesNotContain("Cockpit", "ReviewCycle\nStaff appraisal");

            browser.click(By.cssSelector(".account"));
            browser.click(By.xpath("//a[contains(., 'Log out')]"));
            // Tasklist's page again, which says so and asks for the next login in place
            browser.waitUntilTextShown("You have logged out.");
            browser.waitFor(By.id("username"));
            assertThat(browser.currentPath()).as("the logout is said once, not kept in the address")
                    .startsWith("/camunda/app/tasklist/default/").doesNotContain("?logout");
            assertThat(browser.pageText()).contains("ReviewCycle", "Username", "Password").doesNotContain("Amy Clarke");
            browser.screenshot("4-logged-out");

            // the next person at the same computer: their tasks, again without another page load
            browser.waitUntil(() -> "started".equals(browser.driver().executeScript(
                    "return document.documentElement.dataset.tasklist")));
            browser.driver().executeScript("window.beforeTheLogin = true");
            browser.type(By.id("username"), "deputy");
            browser.type(By.id("password"), "demo");
            browser.click(LOG_IN);
            browser.waitFor(By.cssSelector(".tasks-list li.task"));
            assertThat(browser.driver().executeScript("return window.beforeTheLogin === true"))
                    .as("the next person's task list came without loading another page").isEqualTo(true);
            assertThat(browser.pageText()).contains("David Okafor").doesNotContain("You have logged out.");
            browser.screenshot("5-next-person");
        }
    }

    @Test
    void anAddressThatNamesATaskOpensThatTaskOnceLoggedIn() {
        var school = TestSchool.create(schools, staff);
        Task task = StaffTaskActionsTest.taskOfferedTo(repository, runtime, tasks, 
                EngineGroups.team(school.school().code(), "ks2"));
        try (var browser = new Browser(port, "tasklist-login-task-link")) {
            // a link Tasklist gives ("copy link"), opened by someone not logged in
            browser.open("/camunda/app/tasklist/default/#/?task=" + task.getId());
            browser.type(By.id("username"), school.teacher().username());
            browser.type(By.id("password"), "demo");
            browser.click(LOG_IN);
            browser.waitUntil(() -> browser.currentPath().contains("task=" + task.getId()));
            browser.waitFor(By.cssSelector(".task-details"));
            browser.screenshot("1-the-task");
            assertThat(browser.currentPath()).doesNotContain("dueDate");
        }
    }

    @Test
    void aGovernorWhoLogsInThereAtOnceIsSentToTheirDashboard() {
        try (var browser = new Browser(port, "tasklist-login-governor")) {
            browser.open("/");
            // typed and sent before Tasklist may have started: the form waits for it
            browser.type(By.id("username"), "governor");
            browser.type(By.id("password"), "demo-governor");
            browser.click(LOG_IN);
            browser.waitUntilTextShown("Littletown Primary: appraisal in");
            browser.screenshot("1-dashboard");
            assertThat(browser.currentPath()).endsWith("/dashboard").doesNotContain("password");
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

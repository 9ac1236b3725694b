package org.reviewcycle.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reviewcycle.support.ReviewDriver.objective;
import static org.reviewcycle.support.ReviewDriver.objectives;
import static org.reviewcycle.support.ReviewDriver.values;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;
import org.reviewcycle.process.CycleLauncher;
import org.reviewcycle.record.RecordService;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.review.ReviewState;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.support.Browser;
import org.reviewcycle.support.ReviewDriver;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A trust admin moves a teacher to another school in a real browser at 1366x768: refused first for their
 * deputy (who still reviews people), then the teacher moved, with their new reviewer and team; the trust
 * setting turned on; the new school's head reads the teacher's earlier review on the past reviews page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaffMoveBrowserTest {

    private static final String OBJECTIVE = "Use the school writing process across the curriculum";

    @LocalServerPort int port;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired ReviewService reviews;
    @Autowired RecordService records;
    @Autowired CycleLauncher launcher;
    @Autowired TaskService tasks;
    @Autowired FormService forms;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;

    @Test
    void aTrustAdminMovesATeacherAndTheNewHeadReadsTheirEarlierReview() {
        TestSchool from = TestSchool.create(schools, staff);
        TestSchool to = TestSchool.create(schools, staff);
        launcher.launch(from.cycle().id());
        var review = reviews.runningReviewsOf(from.teacher().id()).get(0);
        var driver = new ReviewDriver(tasks, forms, identity, management, runtime, staff, review.processInstanceId());
        driver.submit(from.teacher().username(), values("strengths", "Reading aloud", "developmentWishes", "Maths",
                "objectiveIdeas", "Writing"));
        driver.submit(from.leader().username(), values("objectives", objectives(objective(OBJECTIVE, "W1", false))));
        driver.submit(from.head().username(), values("decision", "APPROVE", "returnReason", ""));
        String staffPage = "/admin/schools/" + from.school().id() + "/staff/";

        try (var browser = new Browser(port, "staff-move")) {
            browser.driver().manage().window().setSize(new Dimension(1366, 768));
            browser.logIn("admin", "demo");
            browser.waitUntilPathStartsWith("/camunda/app/tasklist/");

            // the deputy still reviews two colleagues and leads a team: refused, naming them
            browser.open(staffPage + from.leader().id());
            browser.click(By.linkText("Move to another school"));
            new Select(browser.waitFor(By.id("to"))).selectByVisibleText(to.school().name());
            browser.click(By.xpath("//button[normalize-space()='Continue']"));
            browser.waitUntilTextShown("First day at the new school");
            browser.click(By.xpath("//button[normalize-space()='Move to " + to.school().name() + "']"));
            browser.waitUntilTextShown("There is a problem");
            assertThat(browser.pageText()).contains(from.leader().fullName() + " reviews "
                    + from.assistant().fullName() + " and " + from.teacher().fullName() + " at "
                    + from.school().name() + ": give each of them another reviewer first.");
            browser.screenshot("1-refused-while-reviewing");

            browser.open(staffPage + from.teacher().id());
            browser.click(By.linkText("Move to another school"));
            new Select(browser.waitFor(By.id("to"))).selectByVisibleText(to.school().name());
            browser.screenshot("2-choose-the-school");
            browser.click(By.xpath("//button[normalize-space()='Continue']"));
            browser.waitUntilTextShown("First day at the new school");
            new Select(browser.waitFor(By.id("category"))).selectByVisibleText("Teacher (UPS 1)");
            browser.type(By.id("staffNumber"), "N-12");
            new Select(browser.waitFor(By.id("reviewerId"))).selectByVisibleText(to.leader().fullName() + ", Deputy head");
            new Select(browser.waitFor(By.id("teamId"))).selectByVisibleText("Key stage 2 team");
            browser.screenshot("3-the-place-at-the-new-school");
            browser.click(By.xpath("//button[normalize-space()='Move to " + to.school().name() + "']"));
            browser.waitUntilTextShown(from.teacher().fullName() + " now works at " + to.school().name());
            assertThat(browser.currentPath()).isEqualTo("/admin/schools/" + to.school().id() + "/staff/"
                    + from.teacher().id());
            browser.screenshot("4-moved");
            assertThat(reviews.find(review.id()).orElseThrow().state()).isEqualTo(ReviewState.ENDED);

            browser.open("/admin/trust/settings");
            browser.click(By.id("pastReviewsFollowMovers"));
            browser.click(By.xpath("//button[normalize-space()='Save']"));
            browser.waitUntilTextShown("The trust's settings were saved.");
            browser.screenshot("5-trust-settings");

            browser.click(By.xpath("//button[normalize-space()='Log out']"));
            browser.waitUntilTextShown("You have logged out.");
            browser.logIn(to.head().username(), "demo");
            browser.waitUntilPathStartsWith("/camunda/app/tasklist/");
            browser.open("/records");
            browser.waitUntilTextShown("Your own reviews");
            browser.screenshot("6-whose-past-reviews");
            browser.click(By.linkText(from.teacher().fullName()));
            browser.waitUntilTextShown("Past reviews of " + from.teacher().fullName());
            assertThat(browser.pageText()).contains("2026/27 · " + from.school().name(), OBJECTIVE,
                    "Ended: Moved to " + to.school().name());
            browser.screenshot("7-new-head-reads-past-reviews");
        } finally {
            var context = org.springframework.security.core.context.SecurityContextHolder.getContext();
            context.setAuthentication(new org.springframework.security.authentication.TestingAuthenticationToken(
                    "admin", "demo", "admins", "trust-admins"));
            try {
                records.setPastReviewsFollowMovers(false);
            } finally {
                context.setAuthentication(null);
            }
        }
    }
}

package org.reviewcycle.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reviewcycle.support.ReviewDriver.values;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.reviewcycle.process.AnnualReviewCycleProcess.Elements;
import org.reviewcycle.review.Review;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.Browser;
import org.reviewcycle.support.ReviewDriver;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The team leader opens the final review of someone who wrote no self-review by its due date (the
 * timer on Task_SelfReview carried the review on): Tasklist's form says so plainly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SelfReviewNotWrittenBrowserTest {

    @LocalServerPort int port;
    @Autowired CycleLauncher launcher;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired ReviewService reviews;
    @Autowired TaskService tasks;
    @Autowired FormService forms;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;

    @Test
    void theFinalReviewFormSaysTheSelfReviewWasNotWritten() {
        var school = TestSchool.create(schools, staff);
        launcher.launch(school.cycle().id());
        Review review = reviews.reviewsIn(school.cycle().id()).stream()
                .filter(r -> r.staffId().equals(school.assistant().id())).findFirst().orElseThrow();
        var driver = new ReviewDriver(tasks, forms, identity, management, runtime, staff, review.processInstanceId());
        String assistant = school.assistant().username();
        String leader = school.leader().username();
        driver.submit(assistant, values("strengths", "Phonics groups"));
        driver.submit(leader, values("objectives", ReviewDriver.objectives(
                ReviewDriver.objective("To run daily phonics catch-up for Year 2", "W1", false))));
        driver.submit(school.head().username(), values("decision", "APPROVE"));
        driver.submit(assistant, values("response", "ACKNOWLEDGE"));
        driver.fireTimer();
        @SuppressWarnings("unchecked")
        var progress = (List<Map<String, Object>>) SubmittedFormAccess.list(driver.taskVariables().get("progress"));
        progress.forEach(p -> p.put("status", "ON_TRACK"));
        driver.submit(leader, values("progress", ReviewDriver.json(progress)));
        driver.fireTimer();
        assertThat(driver.openTaskKey()).isEqualTo(Elements.SELF_REVIEW);
        // the self-review's due date passes with nothing written
        driver.fireTimer();
        assertThat(driver.openTaskKey()).isEqualTo(Elements.FINAL_REVIEW);

        try (var browser = new Browser(port, "self-review-not-written")) {
            browser.logIn(leader, "demo");
            browser.waitUntilPathStartsWith("/camunda/app/tasklist/");
            browser.click(By.xpath("//li[contains(@class,'task')]//*[contains(., 'Hold the final review: "
                    + school.assistant().fullName() + "')]"));
            browser.waitFor(By.cssSelector(".fjs-container"));
            browser.waitUntilTextShown("did not write a self-review by its due date");
            browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'});",
                    browser.waitFor(By.xpath("//*[contains(text(), 'No self-review')]")));
            browser.screenshot("1-final-review-without-a-self-review");
            assertThat(browser.pageText()).contains("No self-review", school.assistant().fullName()
                    + " did not write a self-review by its due date").doesNotContain("in " + school.assistant().fullName() + "'s words");
        }
    }
}

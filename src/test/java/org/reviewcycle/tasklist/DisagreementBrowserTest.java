package org.reviewcycle.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reviewcycle.support.ReviewDriver.values;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.reviewcycle.process.AnnualReviewCycleProcess.Elements;
import org.reviewcycle.process.CycleLauncher;
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
 * The head answers a disagreement in the real Tasklist: the task is in their list named for the
 * person, the form shows the reason (typed markup stays text) and the objectives, a response is
 * required, and the answer sends the objectives back to the planning meeting.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DisagreementBrowserTest {

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
    void theHeadAnswersADisagreementWithTheObjectivesAndSendsThemBack() {
        var school = TestSchool.create(schools, staff);
        launcher.launch(school.cycle().id());
        Review review = reviews.reviewsIn(school.cycle().id()).stream()
                .filter(r -> r.staffId().equals(school.teacher().id())).findFirst().orElseThrow();
        var driver = new ReviewDriver(tasks, forms, identity, management, runtime, staff, review.processInstanceId());
        String teacher = school.teacher().username();
        driver.submit(teacher, values("strengths", "Phonics"));
        driver.submit(school.leader().username(), values("objectives", ReviewDriver.objectives(
                ReviewDriver.objective("Use the school writing process across the curriculum", "W1", false),
                ReviewDriver.objective("Develop pupils' reasoning in maths lessons", "M1", false))));
        driver.submit(school.head().username(), values("decision", "APPROVE"));
        driver.submit(teacher, values("response", "DISAGREE", "disagreementReason",
                "Objective 2 is for <b>Year 6</b>: I teach Year 4 this year"));
        String name = "Respond to " + school.teacher().fullName() + "'s disagreement with the objectives";

        try (var browser = new Browser(port, "disagreement")) {
            browser.driver().manage().window().setSize(new Dimension(1366, 900));
            browser.logIn(school.head().username(), "demo");
            browser.waitUntilPathStartsWith("/camunda/app/tasklist/");
            browser.click(By.xpath("//li[contains(@class,'task')]//*[contains(., \"" + name + "\")]"));
            browser.waitFor(By.cssSelector(".fjs-container"));
            browser.waitUntilTextShown("Why " + school.teacher().fullName() + " disagrees");
            // the reason as typed: the tags are words on the page, not bold text
            assertThat(browser.pageText()).contains(name, "Objective 2 is for <b>Year 6</b>: I teach Year 4 this year",
                    "Develop pupils' reasoning in maths lessons");
            assertThat(browser.driver().findElements(By.xpath("//b[normalize-space(.)='Year 6']"))).isEmpty();
            browser.screenshot("1-head-reads-the-disagreement");

            browser.click(By.xpath("//label[contains(., 'Back to the planning meeting')]"));
            complete(browser);
            browser.waitUntilTextShown("Field is required.");
            assertThat(driver.openTaskKey()).isEqualTo(Elements.RESPOND_TO_OBJECTIVES_DISAGREEMENT);
            browser.type(By.cssSelector("[id$='Field_HeadResponse']"),
                    "Agreed: your team leader will replace objective 2 with one for Year 4" + Keys.TAB);
            browser.screenshot("2-head-answers");
            complete(browser);
            browser.waitUntil(() -> Elements.PLANNING_MEETING.equals(driver.openTaskKey()));
        }
        assertThat(reviews.disagreements(review.id())).singleElement().satisfies(d -> {
            assertThat(d.response()).isEqualTo("Agreed: your team leader will replace objective 2 with one for Year 4");
            assertThat(d.objectivesStand()).isFalse();
            assertThat(d.answeredBy()).isEqualTo(school.head().username());
        });

        try (var browser = new Browser(port, "disagreement-planning-meeting")) {
            browser.driver().manage().window().setSize(new Dimension(1366, 900));
            browser.logIn(school.leader().username(), "demo");
            browser.waitUntilPathStartsWith("/camunda/app/tasklist/");
            browser.click(By.xpath("//li[contains(@class,'task')]//*[contains(., 'Hold the planning meeting: "
                    + school.teacher().fullName() + "')]"));
            browser.waitUntilTextShown("Back after a disagreement");
            assertThat(browser.pageText()).contains("Agreed: your team leader will replace objective 2 with one for Year 4");
            browser.screenshot("1-planning-meeting-after-the-disagreement");
        }
    }

    /** Presses Complete, on the button itself (a notice may still cover it). */
    private static void complete(Browser browser) {
        var button = browser.waitFor(By.xpath("//button[normalize-space(.)='Complete']"));
        browser.waitUntil(button::isEnabled);
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", button);
    }
}

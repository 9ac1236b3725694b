package org.reviewcycle.tasklist;

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
 * What people type is shown as text on the later forms, in the real Tasklist: a teacher's
 * self-reflection and the head's reason for returning the objectives, full of HTML and markdown,
 * appear on the team leader's planning meeting (in text components and in the decision table)
 * as the characters typed, with no image, link or script in the form. Then the team leader
 * submits an objective whose title is only spaces, and Tasklist's pop-up says so in one sentence.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TypedMarkupBrowserTest {

    static final String STRENGTHS = "<img src=x onerror=\"document.title='hacked'\"> **Phonics** and _reading_\nSecond line";
    static final String WISHES = "<script>document.title='hacked'</script>";
    static final String IDEAS = "![x](http://127.0.0.1:9/x.png) [a link](http://example.org)";
    static final String REASON = "<img src=x onerror=alert(2)> Make objective 1 **measurable**";

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
    void markupTypedEarlierIsShownAsTextAndARefusalIsOnePlainSentence() {
        var school = TestSchool.create(schools, staff);
        launcher.launch(school.cycle().id());
        Review review = reviews.reviewsIn(school.cycle().id()).stream()
                .filter(r -> r.staffId().equals(school.teacher().id())).findFirst().orElseThrow();
        var driver = new ReviewDriver(tasks, forms, identity, management, runtime, staff, review.processInstanceId());
        driver.submit(school.teacher().username(), values("strengths", STRENGTHS, "developmentWishes", WISHES,
                "objectiveIdeas", IDEAS));
        driver.submit(school.leader().username(), values("objectives",
                objectives(objective("<img src=x onerror=alert(1)> Writing **across** the curriculum", "W1", false))));
        driver.submit(school.head().username(), values("decision", "RETURN", "returnReason", REASON));
        assertThat(driver.openTaskKey()).isEqualTo(Elements.PLANNING_MEETING);

        try (var browser = new Browser(port, "typed-markup")) {
            browser.logIn(school.leader().username(), "demo");
            browser.waitUntilPathStartsWith("/camunda/app/tasklist/");
            browser.click(By.xpath("//li[contains(@class,'task')]//*[contains(., 'Hold the planning meeting')]"));
            browser.waitFor(By.cssSelector(".fjs-container"));
            browser.waitUntilTextShown("Make objective 1 **measurable**");
            browser.screenshot("1-typed-markup-as-text");

            var form = browser.driver().findElement(By.cssSelector(".fjs-container"));
            assertThat(form.findElements(By.tagName("img"))).as("images in the form").isEmpty();
            assertThat(form.findElements(By.tagName("script"))).as("scripts in the form").isEmpty();
            // (form-js's own "Powered by bpmn.io" is the one link a form has)
            assertThat(form.findElements(By.cssSelector("a[href]:not(.fjs-powered-by-link)"))).as("links in the form").isEmpty();
            assertThat(form.findElements(By.cssSelector(".fjs-form-field-text strong")))
                    .extracting(e -> e.getText()).doesNotContain("Phonics", "measurable");
            String text = form.getText();
            // the head's reason, inside the bold sentence of a text component, and in the decision table
            assertThat(text).contains("The head returned these objectives: " + REASON);
            assertThat(form.findElements(By.cssSelector(".fjs-form-field-table"))).extracting(e -> e.getText())
                    .anySatisfy(table -> assertThat(table).contains(REASON));
            // the self-reflection, line break kept
            assertThat(text).contains("<img src=x onerror=\"document.title='hacked'\"> **Phonics** and _reading_\nSecond line",
                    WISHES, IDEAS);
            assertThat(browser.driver().getTitle()).doesNotContain("hacked");

            // a title of spaces passes the form's "required" and is refused by the server
            browser.type(By.cssSelector("[id$='Field_ObjectiveTitle_0']"), "   ");
            browser.click(By.xpath("//button[normalize-space(.)='Complete']"));
            browser.waitUntilTextShown("Objective 1: the objective must not be empty.");
            browser.screenshot("2-refusal-in-a-sentence");
            String popUp = browser.driver().findElement(By.cssSelector(".notifications")).getText();
            assertThat(popUp).contains("Your form was not sent", "Objective 1: the objective must not be empty.")
                    .doesNotContain("An error happened", "ENGINE-", "Cannot submit task form", "Exception", "org.camunda", "java.");
        }
        assertThat(driver.openTaskKey()).isEqualTo(Elements.PLANNING_MEETING);
    }
}

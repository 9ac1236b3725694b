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
import org.reviewcycle.objective.Decision;
import org.reviewcycle.objective.ObjectiveDecision;
import org.reviewcycle.objective.ObjectiveService;
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
 * The planning meeting and the head's return, in the real Tasklist: the team leader records two
 * objectives, the head returns them with a reason, and the team leader sees that reason on the
 * planning meeting that comes back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlanningMeetingBrowserTest {

    @LocalServerPort int port;
    @Autowired CycleLauncher launcher;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired ReviewService reviews;
    @Autowired ObjectiveService objectives;
    @Autowired TaskService tasks;
    @Autowired FormService forms;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;

    @Test
    void aTeamLeaderPlansTheHeadReturnsAndTheTeamLeaderSeesTheReason() {
        var school = TestSchool.create(schools, staff);
        launcher.launch(school.cycle().id());
        Review review = reviews.reviewsIn(school.cycle().id()).stream()
                .filter(r -> r.staffId().equals(school.teacher().id())).findFirst().orElseThrow();
        var driver = new ReviewDriver(tasks, forms, identity, management, runtime, staff, review.processInstanceId());
        driver.submit(school.teacher().username(), values("strengths", "Phonics", "developmentWishes", "Writing",
                "objectiveIdeas", "Writing across the curriculum"));
        String reason = "Objective 2 needs success criteria you can measure by July";

        try (var browser = new Browser(port, "planning-meeting")) {
            browser.logIn(school.leader().username(), "demo");
            openTask(browser, "Hold the planning meeting");
            browser.screenshot("1-planning-meeting");

            fillObjective(browser, 0, "Use the school writing process across the curriculum", "W1",
                    "Displays and books show extended writing in three subjects each half term",
                    "Pupils' books, displays, moderation notes");
            browser.click(By.cssSelector("button.fjs-repeat-render-add"));
            fillObjective(browser, 1, "Develop pupils' reasoning in maths", "M1",
                    "Pupils explain their reasoning", "Lesson observations");
            browser.screenshot("2-two-objectives");
            complete(browser);
            browser.waitUntil(() -> Elements.APPROVE_OBJECTIVES.equals(driver.openTaskKey()));
            browser.screenshot("3-completed");
        }
        assertThat(driver.openTaskKey()).isEqualTo(Elements.APPROVE_OBJECTIVES);
        assertThat(objectives.currentObjectives(review.id())).hasSize(2);

        try (var browser = new Browser(port, "head-returns")) {
            browser.logIn(school.head().username(), "demo");
            // assigned to the head when it was made: nothing to claim
            openTask(browser, "Approve or return the objectives");
            browser.waitUntilTextShown("Use the school writing process across the curriculum");
            browser.screenshot("1-objectives-to-approve");
            browser.click(By.xpath("//label[contains(., 'Return them to the team leader')]"));
            browser.type(By.xpath("//label[contains(., 'Reason for returning')]/following::textarea[1]"), reason);
            browser.screenshot("2-returning");
            complete(browser);
            browser.waitUntil(() -> Elements.PLANNING_MEETING.equals(driver.openTaskKey()));
        }
        assertThat(objectives.decisions(review.id())).extracting(ObjectiveDecision::decision).containsExactly(Decision.RETURNED);

        try (var browser = new Browser(port, "leader-sees-reason")) {
            browser.logIn(school.leader().username(), "demo");
            openTask(browser, "Hold the planning meeting");
            browser.waitUntilTextShown(reason);
            browser.screenshot("1-reason-shown");
            assertThat(browser.pageText()).contains("The head returned these objectives", reason);
            // the returned objectives are there to change, not to type again
            assertThat(browser.waitFor(field("Field_ObjectiveTitle", 0)).getDomProperty("value"))
                    .isEqualTo("Use the school writing process across the curriculum");
        }
    }

    private static void openTask(Browser browser, String name) {
        browser.waitUntilPathStartsWith("/camunda/app/tasklist/");
        browser.click(By.xpath("//li[contains(@class,'task')]//*[contains(., '" + name + "')]"));
        browser.waitFor(By.cssSelector(".fjs-container"));
    }

    /** Fills objective {@code index} of the dynamic list; form-js suffixes each item's field ids with its index. */
    private static void fillObjective(Browser browser, int index, String title, String priority, String criteria,
            String evidence) {
        browser.type(field("Field_ObjectiveTitle", index), title);
        browser.click(By.cssSelector("[id$='Field_PriorityCode_" + index + "-display']"));
        browser.click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and starts-with(normalize-space(.), '"
                + priority + "')]"));
        browser.type(field("Field_SuccessCriteria", index), criteria);
        browser.type(field("Field_ObjectiveEvidence", index), evidence);
    }

    private static By field(String id, int index) {
        return By.cssSelector("[id$='" + id + "_" + index + "']");
    }

    private static void complete(Browser browser) {
        browser.click(By.xpath("//button[normalize-space(.)='Complete']"));
    }
}

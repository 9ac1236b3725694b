package org.reviewcycle.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.reviewcycle.process.AnnualReviewCycleProcess.Elements;
import org.reviewcycle.review.ReviewState;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.Browser;
import org.reviewcycle.support.ReviewDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Amy Clarke's whole review in the real Tasklist, on a laptop-sized window (1366 x 768), as its
 * people do it: Amy reflects, her team leader David Okafor holds the planning meeting, the head
 * Helen Ashworth approves, Amy acknowledges; after the mid-year date (the engine's timer, fired here
 * as the date would) David holds the mid-year check and both lesson observations; after the final
 * review date he writes the final review, Amy signs it and the head signs it off. Every form is
 * saved as a screenshot in target/screenshots/whole-review, and no page shows engine text or a
 * username where a person's name belongs. The demo school, in a database of this test's own, so
 * that no other test has touched Amy's review.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:whole-review-in-tasklist;DB_CLOSE_DELAY=-1")
class WholeReviewBrowserTest {

    static final String AMY = "teacher.mpg";
    static final String AMY_NAME = "Amy Clarke";
    static final String DAVID = "deputy";
    static final String DAVID_NAME = "David Okafor";
    static final String HELEN = "head";
    static final String HELEN_NAME = "Helen Ashworth";
    /** Text only the engine writes: none of it may reach staff. */
    static final List<String> ENGINE_TEXT = List.of("ENGINE-", "Exception", "Cannot submit", "org.camunda", "java.");
    /** Controls staff cannot use, and Camunda's notice to its customers: none of them is shown. */
    static final List<String> NOT_FOR_STAFF = List.of("Camunda 8", "Create task", "Start process", "Set follow-up date",
            "Add groups", "(v. ", "Add Comment");
    /** An untranslated key of Camunda's text (CREATION_DATE, SEARCH_PLACEHOLDER, CAM_WIDGET_FOOTER_...). */
    static final java.util.regex.Pattern TEXT_KEY = java.util.regex.Pattern.compile("\\b[A-Z]{2,}(_[A-Z]{2,})+\\b");

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired TaskService tasks;
    @Autowired FormService forms;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired StaffService staff;

    private Browser browser;
    private ReviewDriver review;
    private int screenshot;

    @Test
    void amyClarkesReviewFromReflectionToTheHeadsSignOff() {
        long reviewId = jdbc.queryForObject("select r.id from review r join staff_member s on s.id = r.staff_id"
                + " where s.username = ?", Long.class, AMY);
        String processInstanceId = jdbc.queryForObject("select process_instance_id from review where id = ?",
                String.class, reviewId);
        review = new ReviewDriver(tasks, forms, identity, management, runtime, staff, processInstanceId);
        assertThat(review.openTaskKey()).isEqualTo(Elements.SELF_REFLECTION);

        try (var opened = new Browser(port, "whole-review")) {
            browser = opened;
            browser.driver().manage().window().setSize(new Dimension(1366, 768));

            // Amy reflects before the planning meeting
            openAs(AMY, "self-reflection");
            type("Field_Strengths", "Building relationships with pupils and families");
            type("Field_DevelopmentWishes", "Teaching extended writing in Year 4");
            type("Field_ObjectiveIdeas", "Something on writing across the curriculum");
            complete("self-reflection");

            // David holds the planning meeting: two objectives
            openAs(DAVID, "planning-meeting");
            assertThat(browser.pageText()).contains("Building relationships with pupils and families");
            objective(0, "To use the school writing process across the curriculum", "W1",
                    "Books show extended writing in three subjects each half term", "Pupils' books, moderation notes");
            browser.click(By.cssSelector("button.fjs-repeat-render-add"));
            objective(1, "To develop pupils' editing of their own writing", "W1",
                    "80% of pupils redraft a piece of writing each half term, seen in book scrutiny by July",
                    "Book scrutiny, pupil conferencing");
            complete("planning-meeting");

            // Helen approves (claiming first only where the task is offered rather than hers)
            openAs(HELEN, "approve-objectives");
            assertThat(browser.pageText()).contains("To use the school writing process across the curriculum");
            browser.click(By.xpath("//label[contains(., 'Approve the objectives')]"));
            complete("approve-objectives");

            // Amy acknowledges her objectives
            openAs(AMY, "acknowledge-objectives");
            browser.click(By.xpath("//label[contains(., 'I acknowledge these objectives')]"));
            complete("acknowledge-objectives");

            // the mid-year date comes: David's mid-year check, both objectives on track
            review.fireTimer();
            openAs(DAVID, "mid-year-check");
            for (int i = 0; i < 2; i++) {
                choose("Field_ProgressStatus_" + i, "On track");
                type(listField("Field_ProgressNote", i), "Seen in books and planning");
            }
            type("Field_OverallNote", "Good progress on both objectives");
            complete("mid-year-check");

            // two lesson observations for a teacher on the main pay range
            for (int number = 1; number <= 2; number++) {
                openAs(DAVID, "lesson-observation-" + number);
                date("Field_ObservationDate", "11/10/2026");
                browser.click(By.xpath("//div[contains(@class,'fjs-form-field-checklist')]//label[starts-with(normalize-space(.), '1.')]"));
                choose("Field_Judgement", "Good");
                type("Field_Strengths", "Clear modelling of the writing process");
                type("Field_AreasToDevelop", "Pace of the plenary");
                complete("lesson-observation-" + number);
            }

            // the final review date comes: Amy writes her self-review against each objective
            review.fireTimer();
            openAs(AMY, "self-review");
            type(listField("Field_SelfReviewAchieved", 0), "Extended writing in history, geography and science each half term");
            type(listField("Field_SelfReviewEvidence", 0), "Books from three subjects");
            type(listField("Field_SelfReviewAchieved", 1), "Most of the class redraft a piece each half term");
            type("Field_Overall", "I have grown in confidence teaching writing");
            complete("self-review");

            // David's final review, with Amy's self-review beside it and a pay recommendation
            openAs(DAVID, "final-review");
            assertThat(browser.pageText()).contains("Extended writing in history, geography and science each half term",
                    "I have grown in confidence teaching writing");
            for (int i = 0; i < 2; i++) {
                choose("Field_Outcome_" + i, "Met");
                type(listField("Field_OutcomeEvidence", i), "Moderated books show the target reached");
            }
            type("Field_ImpactOnPupils", "More pupils write at length");
            type("Field_ImpactOnPractice", "Planning now builds in extended writing");
            type("Field_ImpactOnColleagues", "Shared the approach at a staff meeting");
            type("Field_CpdUndertaken", "Two network sessions on writing");
            browser.click(By.xpath("//label[contains(., 'Recommend pay progression')]"));
            type("Field_PayReason", "Both objectives met");
            complete("final-review");

            // Amy reads, comments and signs
            openAs(AMY, "reviewee-sign-off");
            assertThat(browser.pageText()).contains("More pupils write at length");
            type("Field_RevieweeComments", "A fair review of my year");
            browser.click(field("Field_ConfirmRead"));
            assertThat(browser.waitFor(field("Field_ConfirmRead")).isSelected()).isTrue();
            complete("reviewee-sign-off");

            // Helen signs it off
            openAs(HELEN, "head-sign-off");
            assertThat(browser.pageText()).contains("A fair review of my year");
            browser.click(By.xpath("//label[contains(., 'Sign off the review')]"));
            type("Field_ModerationNote", "Consistent with the phase");
            complete("head-sign-off");
        }
        assertThat(review.ended()).isTrue();
        assertThat(jdbc.queryForObject("select state from review where id = ?", String.class, reviewId))
                .isEqualTo(ReviewState.COMPLETE.name());
    }

    /**
     * Logs in as {@code username} (a fresh session) and opens this review's open task from the task
     * list, claiming it only where it is offered rather than assigned (the head's tasks may be either).
     */
    private void openAs(String username, String form) {
        Task task = review.openTask();
        assertThat(task).as("the review's open task for " + form).isNotNull();
        browser.driver().manage().deleteAllCookies();
        browser.logIn(username, "demo");
        browser.waitUntilPathStartsWith("/camunda/app/tasklist/");
        // every task name says whose review it is: Amy's is the one with her name
        browser.click(By.xpath("//li[contains(@class,'task')]//h4[contains(@class,'task')]/a[contains(., '"
                + AMY_NAME + "')]"));
        browser.waitFor(By.cssSelector(".fjs-container .fjs-form"));
        browser.waitUntilTextShown(task.getName());
        claimIfOffered();
        screenshot(form);
    }

    /** Completes the form and waits until the engine has the review's next step; the filled form is saved too. */
    private void complete(String form) {
        screenshot(form + "-filled");
        String before = review.openTask().getId();
        browser.click(By.xpath("//button[normalize-space(.)='Complete']"));
        try {
            browser.waitUntil(() -> {
                Task now = review.openTask();
                return now == null || !now.getId().equals(before);
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot(form + "-not-completed");
            throw new AssertionError("The " + form + " form was not completed; the page says: " + browser.pageText(), e);
        }
        assertNothingForEngineers(form + " after Complete");
    }

    private void claimIfOffered() {
        var claim = browser.driver().findElements(By.xpath("//button[contains(@class,'claim') and contains(., 'Claim')]"));
        if (!claim.isEmpty() && claim.get(0).isDisplayed()) {
            claim.get(0).click();
            browser.waitFor(By.cssSelector(".task-details .assignee"));
        }
    }

    private void screenshot(String form) {
        assertNothingForEngineers(form);
        browser.screenshot(String.format("%02d-%s", ++screenshot, form));
    }

    /** No engine text, and people by name: no username where the page names a person. */
    private void assertNothingForEngineers(String where) {
        String text = browser.pageText();
        assertThat(text).as(where).doesNotContain(ENGINE_TEXT.toArray(String[]::new)).doesNotContain(AMY)
                .doesNotContain(NOT_FOR_STAFF.toArray(String[]::new)).doesNotContainPattern(TEXT_KEY);
        // Tasklist's "Create task" and "Start process" buttons and "Add comment" link are not in the page at all
        assertThat(browser.driver().findElements(
                By.cssSelector(".create-task-action, .start-process-action, .createCommentLink")))
                .as(where + ": Tasklist's controls for creating a task, starting a process or commenting, in the page")
                .isEmpty();
        // the engine's task priority, a bare "50" beside every step in the list, means nothing to staff
        // (one per task listed: a renamed class would leave nothing to check). Read in one look at the page,
        // once Tasklist has finished redrawing its list (it does after a step is completed), so that no
        // element found is gone by the time it is read.
        try {
            browser.waitUntil(() -> Boolean.TRUE.equals(browser.driver().executeScript("""
                    const tasks = document.querySelectorAll('.tasks-list li.task');
                    const priorities = [...document.querySelectorAll('.tasks-list .task .priority')];
                    return tasks.length === priorities.length && priorities.every(p =>
                        p.getClientRects().length === 0 || getComputedStyle(p).visibility === 'hidden');""")));
        } catch (org.openqa.selenium.TimeoutException shown) {
            throw new AssertionError(where + ": a task's priority is shown, or a listed task has none to hide", shown);
        }
        assertThat(texts("input[placeholder]", "e.getAttribute('placeholder')")).as(where)
                .allSatisfy(placeholder -> assertThat(placeholder).doesNotContainPattern(TEXT_KEY));
        // the assignee (task list and the task's header) and the people in the forms' tables
        assertThat(texts(".task-details .assignee, .tasks-list .assignee, .fjs-table-td, .fjs-form-field-text",
                "e.innerText.trim()")).as(where).allSatisfy(person -> assertThat(person).isNotIn(AMY, DAVID, HELEN));
        assertThat(texts(".task-details li.assignee:not(.set-value)", "e.innerText")).as(where)
                .filteredOn(assignee -> !assignee.isBlank())
                .allSatisfy(assignee -> assertThat(assignee).containsAnyOf(AMY_NAME, DAVID_NAME, HELEN_NAME));
    }

    /** {@code read} (of {@code e}) for every element {@code selector} finds, all read at once in the page. */
    @SuppressWarnings("unchecked")
    private List<String> texts(String selector, String read) {
        return (List<String>) browser.driver().executeScript(
                "return [...document.querySelectorAll(arguments[0])].map(e => " + read + ");", selector);
    }

    private void objective(int index, String title, String priority, String criteria, String evidence) {
        type(listField("Field_ObjectiveTitle", index), title);
        browser.click(By.cssSelector("[id$='-Field_PriorityCode_" + index + "-display']"));
        browser.click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and starts-with(normalize-space(.), '"
                + priority + "')]"));
        type(listField("Field_SuccessCriteria", index), criteria);
        type(listField("Field_ObjectiveEvidence", index), evidence);
    }

    private void type(String fieldId, String text) {
        type(field(fieldId), text);
    }

    private void type(By field, String text) {
        browser.type(field, text);
    }

    /** Picks {@code option} in the form-js select {@code fieldId}: its display opens the list of options. */
    private void choose(String fieldId, String option) {
        browser.click(By.cssSelector("[id$='-" + fieldId + "-display']"));
        browser.click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)='" + option + "']"));
    }

    /** Types a date into a form-js date field (its picker takes the date as typed, month first). */
    private void date(String fieldId, String monthDayYear) {
        WebElement input = browser.waitFor(By.cssSelector("input[id$='-" + fieldId + "'], input[id$='-" + fieldId + "-date']"));
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'});", input);
        input.click();
        input.sendKeys(monthDayYear);
        input.sendKeys(org.openqa.selenium.Keys.ENTER);
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(5))
                .until(d -> !input.getDomProperty("value").isEmpty());
    }

    /** A field of the form; form-js prefixes each field's id with the form's own. */
    private static By field(String id) {
        return By.cssSelector("[id$='-" + id + "']");
    }

    /** Field {@code id} of item {@code index} of a dynamic list; form-js suffixes each item's field ids with its index. */
    private static By listField(String id, int index) {
        return By.cssSelector("[id$='-" + id + "_" + index + "']");
    }
}

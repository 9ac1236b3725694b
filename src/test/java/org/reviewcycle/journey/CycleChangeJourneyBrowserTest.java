package org.reviewcycle.journey;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.reviewcycle.process.AnnualReviewCycleProcess;
import org.reviewcycle.process.AnnualReviewCycleProcess.Elements;
import org.reviewcycle.process.CycleLauncher;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.Browser;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Issue 13's "done when", as a trust's admin meets it in the browser: in the cycle's BPMN editor they
 * add a step after the member of staff's reflection (drawn with the context pad, its name, id,
 * assignee and form set in the properties panel), publish it (which runs the dry run first), move
 * the school's running reviews onto the new version on our pages, and the teacher, whose review was
 * launched on the old version, meets the new step in Tasklist after their reflection. The school
 * and its running reviews are set up through the services; everything else is done in the browser.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CycleChangeJourneyBrowserTest {

    private static final String ADDED = "Task_ReflectOnFeedback";
    private static final String ADDED_NAME = "Reflect on feedback from pupils";

    @LocalServerPort int port;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired CycleLauncher launcher;
    @Autowired ReviewService reviews;
    @Autowired ProcessEngine engine;

    private Browser browser;

    @AfterEach
    void closeTheBrowser() {
        SecurityContextHolder.clearContext();
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anAdminAddsAStepPublishesItMovesARunningReviewOntoItAndTheTeacherMeetsIt() {
        TestSchool school = TestSchool.create(schools, staff);
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("admin", null, "admins"));
        launcher.launch(school.cycle().id());
        SecurityContextHolder.clearContext();
        String teacherReview = reviews.runningReviewsOf(school.teacher().id()).get(0).processInstanceId();
        assertThat(openTask(teacherReview).getTaskDefinitionKey()).isEqualTo(Elements.SELF_REFLECTION);

        browser = new Browser(port, "cycle-change-journey");
        browser.driver().manage().window().setSize(new Dimension(1600, 1000));
        browser.logIn("admin", "demo");
        browser.waitUntilPathStartsWith("/camunda/app/tasklist/");

        // the cycle's editor, from the school's menu
        browser.open("/admin/schools/" + school.school().id());
        browser.click(By.linkText("The cycle"));
        browser.waitUntilTextShown("Versions");
        browser.click(By.cssSelector("a[aria-label='Open AnnualReviewCycle.bpmn in its editor']"));
        browser.waitUntil(() -> "ready".equals(browser.driver().findElement(By.id("editor")).getDomAttribute("data-state")));
        browser.screenshot("01-editor");

        // room is made after the reflection (the palette's space tool), the flow out of it goes, and a
        // task is appended to it and joined to where the flow went
        SequenceFlow out = onlyFlowOutOf(school, Elements.SELF_REFLECTION);
        String flowOut = out.getId();
        String onwards = out.getTarget().getId();
        browser.click(By.cssSelector(".djs-palette .entry[data-action='space-tool']"));
        int[] after = pointOf(Elements.SELF_REFLECTION, 1.2, 3);
        new Actions(browser.driver()).moveToLocation(after[0], after[1]).clickAndHold().moveByOffset(20, 0)
                .moveByOffset(60, 0).moveByOffset(60, 0).release().perform();
        // a click on the empty canvas below puts the space tool down
        int[] below = pointOf(Elements.SELF_REFLECTION, 1.2, 6);
        new Actions(browser.driver()).moveToLocation(below[0], below[1]).click().perform();
        browser.screenshot("02-room-made");
        clickAt(flowOut, 0.5, 0.5);
        browser.click(By.cssSelector(".djs-context-pad .entry[data-action='delete']"));
        browser.waitUntil(() -> browser.driver().findElements(shape(flowOut)).isEmpty());
        clickAt(Elements.SELF_REFLECTION, 0.7, 0.8);
        browser.click(By.cssSelector(".djs-context-pad .entry[data-action='append.append-task']"));
        // the new task opens with its label being written: write it there, as a person would
        browser.waitFor(By.cssSelector(".djs-direct-editing-parent"));
        browser.driver().switchTo().activeElement().sendKeys(ADDED_NAME, Keys.ENTER);
        WebElement added = browser.waitFor(By.xpath("//*[local-name()='g'][contains(@class,'djs-shape')]"
                + "[.//*[local-name()='text'][contains(., 'Reflect on')]]"));
        // still selected, with its context pad: joined to where the flow went
        browser.click(By.cssSelector(".djs-context-pad .entry[data-action='connect']"));
        int[] target = pointOf(onwards, 0.5, 0.8);
        new Actions(browser.driver()).moveToLocation(target[0], target[1]).click().perform();
        browser.screenshot("03-step-added");

        // its id, who does it and its form, in the properties panel
        // the diagram is small at the editor's zoom: the flow just drawn from the step, or its warnings, may lie
        // over the point clicked, so try points of the step until it is the one selected
        select(added.getDomAttribute("data-element-id"));
        // a task someone does in Tasklist: a user task (the context pad's wrench)
        browser.click(By.cssSelector(".djs-context-pad .entry[data-action='replace']"));
        browser.click(By.cssSelector(".djs-popup [data-id='replace-with-user-task']"));
        browser.waitFor(By.cssSelector("[data-group-id='group-CamundaPlatform__UserAssignment']"));
        openGroup("group-general");
        browser.type(By.id("bio-properties-panel-id"), ADDED);
        browser.driver().findElement(By.id("bio-properties-panel-id")).sendKeys(Keys.TAB);
        browser.waitFor(shape(ADDED));
        openGroup("group-CamundaPlatform__UserAssignment");
        browser.type(By.id("bio-properties-panel-assignee"), "${revieweeUsername}");
        openGroup("group-CamundaPlatform__Form");
        choose("bio-properties-panel-formType", "formRef");
        browser.type(By.id("bio-properties-panel-formRef"), AnnualReviewCycleProcess.Forms.SELF_REFLECTION);
        choose("bio-properties-panel-formRefBinding", "deployment");
        browser.screenshot("04-step-properties");

        // the dry run of the cycle as it is in the editor, in a new tab: the new step is on every path, with who
        // does it; nothing is published, and the edit stays open in the editor's tab
        String editorTab = browser.driver().getWindowHandle();
        browser.click(By.xpath("//button[.='Dry run these changes']"));
        browser.waitUntil(() -> browser.driver().getWindowHandles().size() == 2);
        browser.driver().switchTo().window(browser.driver().getWindowHandles().stream()
                .filter(handle -> !handle.equals(editorTab)).findFirst().orElseThrow());
        browser.waitUntilTextShown("The dry run found no problem");
        assertThat(browser.pageText()).contains(ADDED_NAME);
        browser.screenshot("04b-dry-run-of-the-changes");
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(AnnualReviewCycleProcess.KEY).tenantIdIn(school.school().code()).count()).isEqualTo(1);
        browser.driver().close();
        browser.driver().switchTo().window(editorTab);

        // publishing runs the dry run of the changed cycle again, and publishes only when it passes
        browser.type(By.id("comment"), "Staff reflect on what pupils told us, after their own reflection");
        browser.click(By.xpath("//button[.='Publish a new version']"));
        browser.waitUntilTextShown("Version 2 of the cycle is published");
        browser.screenshot("05-published");
        UserTask step = engine.getRepositoryService().getBpmnModelInstance(currentDefinitionId(school))
                .getModelElementById(ADDED);
        assertThat(step.getName()).isEqualTo(ADDED_NAME);
        assertThat(step.getCamundaAssignee()).isEqualTo("${revieweeUsername}");
        assertThat(step.getCamundaFormRefBinding()).isEqualTo("deployment");

        // what changed: version 2 against version 1, in words and marked on the diagram
        browser.open("/admin/schools/" + school.school().id() + "/cycle-model");
        browser.click(By.cssSelector("a[aria-label='What changed in version 2']"));
        browser.waitUntil(() -> "ready".equals(browser.driver().findElement(By.id("diff")).getDomAttribute("data-state")));
        String changes = browser.driver().findElement(By.id("diff-changes")).getText();
        assertThat(changes).contains("Added step ‘" + ADDED_NAME + "’");
        // making room moved much of the diagram: that is one line, not one per element
        assertThat(changes).contains("Moved on the diagram only").doesNotContain("Moved step");
        assertThat(browser.driver().findElement(By.cssSelector("#diff-after g.djs-element[data-element-id='" + ADDED + "']"))
                .getDomAttribute("class")).contains("diff-added");
        browser.screenshot("06b-what-changed");

        // the running reviews move onto version 2
        browser.open("/admin/schools/" + school.school().id() + "/cycle-model");
        browser.click(By.id("migrate-link"));
        browser.waitUntilTextShown("Move running reviews onto a new version");
        new Select(browser.waitFor(By.id("version"))).selectByValue("2");
        browser.click(By.xpath("//button[.='Preview']"));
        browser.waitUntilTextShown("3 of 3 reviews can move.");
        assertThat(browser.driver().findElement(By.id("preview-rows")).getText()).contains(school.teacher().fullName(),
                "Reflect before the planning meeting");
        browser.screenshot("07-preview");
        browser.click(By.xpath("//button[.='Move 3 reviews onto version 2']"));
        browser.waitUntilTextShown("Every review was moved onto version 2");
        assertThat(browser.driver().findElement(By.id("migration-moved")).getText()).isEqualTo("3 of 3");
        browser.screenshot("08-moved");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(teacherReview).singleResult()
                .getProcessDefinitionId()).isEqualTo(currentDefinitionId(school));

        // the teacher reflects in Tasklist, and meets the new step next
        browser.driver().manage().deleteAllCookies();
        browser.logIn(school.teacher().username(), "demo");
        browser.waitUntilPathStartsWith("/camunda/app/tasklist/");
        browser.click(By.xpath("//li[contains(@class,'task')]//h4[contains(@class,'task')]/a[contains(., 'Reflect before')]"));
        browser.waitFor(By.cssSelector(".fjs-container .fjs-form"));
        for (String field : new String[] {"Field_Strengths", "Field_DevelopmentWishes", "Field_ObjectiveIdeas"}) {
            browser.type(By.cssSelector("[id$='-" + field + "']"), "Written in the journey");
        }
        browser.screenshot("09-reflection");
        browser.click(By.xpath("//button[normalize-space(.)='Complete']"));
        browser.waitUntil(() -> ADDED.equals(openTask(teacherReview).getTaskDefinitionKey()));
        browser.click(By.xpath("//li[contains(@class,'task')]//h4[contains(@class,'task')]/a[contains(., '" + ADDED_NAME + "')]"));
        browser.waitFor(By.cssSelector(".fjs-container .fjs-form"));
        browser.waitUntilTextShown(ADDED_NAME);
        browser.screenshot("10-the-new-step-in-tasklist");
    }

    private Task openTask(String processInstanceId) {
        return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).singleResult();
    }

    private String currentDefinitionId(TestSchool school) {
        return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(AnnualReviewCycleProcess.KEY)
                .tenantIdIn(school.school().code()).latestVersion().singleResult().getId();
    }

    /** The one sequence flow leaving {@code elementId} in the school's version 1, as the editor opened it. */
    private SequenceFlow onlyFlowOutOf(TestSchool school, String elementId) {
        String version1 = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(AnnualReviewCycleProcess.KEY).tenantIdIn(school.school().code())
                .processDefinitionVersion(1).singleResult().getId();
        var flows = engine.getRepositoryService().getBpmnModelInstance(version1).getModelElementsByType(SequenceFlow.class)
                .stream().filter(flow -> flow.getSource().getId().equals(elementId)).toList();
        assertThat(flows).hasSize(1);
        return flows.get(0);
    }

    /**
     * Clicks a diagram element where a person would: a point of its box (fractions of its width and
     * height from the top left), off the flows drawn through the middle of the small diagram and off
     * the lint's marks at the top left; a flow drawn straight has no height for Selenium to click in otherwise.
     */
    private void clickAt(String elementId, double across, double down) {
        int[] point = pointOf(elementId, across, down);
        int x = point[0];
        int y = point[1];
        new Actions(browser.driver()).moveToLocation(x, y).click().perform();
        try {
            browser.waitFor(By.cssSelector(".djs-context-pad"));
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.screenshot("click-" + elementId);
            throw new AssertionError("Clicked " + elementId + " at " + x + "," + y + " on " + browser.driver().executeScript(
                    "const e = document.elementFromPoint(arguments[0], arguments[1]); return e ? e.outerHTML.substring(0, 300) : null;",
                    x, y), e);
        }
    }

    /** Clicks points of the element until it is selected (its shape marked selected), as a person tries again. */
    private void select(String elementId) {
        By selected = By.cssSelector("g.djs-element.selected[data-element-id='" + elementId + "']");
        for (double[] point : new double[][] {{0.5, 0.4}, {0.5, 0.6}, {0.3, 0.5}, {0.7, 0.5}, {0.5, 0.25}}) {
            int[] at = pointOf(elementId, point[0], point[1]);
            new Actions(browser.driver()).moveToLocation(at[0], at[1]).click().perform();
            if (!browser.driver().findElements(selected).isEmpty()) {
                browser.waitFor(By.cssSelector(".djs-context-pad"));
                return;
            }
        }
        browser.screenshot("select-" + elementId);
        throw new AssertionError("Could not select " + elementId + " by clicking it");
    }

    private int[] pointOf(String elementId, double across, double down) {
        var point = (java.util.List<?>) browser.driver().executeScript(
                "const r = arguments[0].getBoundingClientRect();"
                        + " return [r.left + r.width * arguments[1], r.top + r.height * arguments[2]];",
                browser.driver().findElement(shape(elementId)), across, down);
        return new int[] {((Number) point.get(0)).intValue(), ((Number) point.get(1)).intValue()};
    }

    private static By shape(String elementId) {
        return By.cssSelector("g.djs-element[data-element-id='" + elementId + "']");
    }

    /** Picks an option of the properties panel's select, which listens for the change the option's pick makes. */
    private void choose(String selectId, String value) {
        WebElement select = browser.waitFor(By.id(selectId));
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'});", select);
        String label = new Select(select).getOptions().stream().filter(o -> value.equals(o.getDomAttribute("value")))
                .findFirst().orElseThrow().getText();
        select.sendKeys(label);
        browser.waitUntil(() -> value.equals(browser.driver().findElement(By.id(selectId)).getDomProperty("value")));
    }

    /** The properties panel's groups start closed: open one. */
    private void openGroup(String groupId) {
        By header = By.cssSelector("[data-group-id='" + groupId + "'] .bio-properties-panel-group-header");
        browser.waitFor(header);
        if (!browser.driver().findElement(header).getDomAttribute("class").contains("open")) {
            browser.click(header);
        }
    }
}

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

        // the flow out of the reflection goes; a task is appended to it and joined to where the flow went
        SequenceFlow out = onlyFlowOutOf(school, Elements.SELF_REFLECTION);
        String flowOut = out.getId();
        String onwards = out.getTarget().getId();
        browser.click(shape(flowOut));
        browser.click(By.cssSelector(".djs-context-pad .entry[data-action='delete']"));
        browser.waitUntil(() -> browser.driver().findElements(shape(flowOut)).isEmpty());
        browser.click(shape(Elements.SELF_REFLECTION));
        browser.click(By.cssSelector(".djs-context-pad .entry[data-action='append.append-task']"));
        // the new task opens with its label being written: write it there, as a person would
        var label = browser.waitFor(By.cssSelector(".djs-direct-editing-parent"));
        label.sendKeys(ADDED_NAME, Keys.ENTER);
        WebElement added = browser.waitFor(By.xpath("//*[local-name()='g'][contains(@class,'djs-shape')]"
                + "[.//*[local-name()='text'][contains(., 'Reflect on')]]"));
        browser.click(By.cssSelector("g.djs-element[data-element-id='" + added.getDomAttribute("data-element-id") + "']"));
        browser.click(By.cssSelector(".djs-context-pad .entry[data-action='connect']"));
        new Actions(browser.driver()).moveToElement(browser.driver().findElement(shape(onwards))).click().perform();
        browser.screenshot("02-step-added");

        // its id, who does it and its form, in the properties panel
        browser.click(shape(added.getDomAttribute("data-element-id")));
        openGroup("group-general");
        browser.type(By.id("bio-properties-panel-id"), ADDED);
        browser.driver().findElement(By.id("bio-properties-panel-id")).sendKeys(Keys.TAB);
        browser.waitFor(shape(ADDED));
        openGroup("group-CamundaPlatform__UserAssignment");
        browser.type(By.id("bio-properties-panel-assignee"), "${revieweeUsername}");
        openGroup("group-CamundaPlatform__Form");
        new Select(browser.waitFor(By.id("bio-properties-panel-formType"))).selectByValue("formRef");
        browser.type(By.id("bio-properties-panel-formRef"), AnnualReviewCycleProcess.Forms.SELF_REFLECTION);
        new Select(browser.waitFor(By.id("bio-properties-panel-formRefBinding"))).selectByValue("deployment");
        browser.screenshot("03-step-properties");

        // publishing runs the dry run of the changed cycle first
        browser.type(By.id("comment"), "Staff reflect on what pupils told us, after their own reflection");
        browser.click(By.xpath("//button[.='Publish a new version']"));
        browser.waitUntilTextShown("Version 2 of the cycle is published");
        browser.screenshot("04-published");
        UserTask step = engine.getRepositoryService().getBpmnModelInstance(currentDefinitionId(school))
                .getModelElementById(ADDED);
        assertThat(step.getName()).isEqualTo(ADDED_NAME);
        assertThat(step.getCamundaAssignee()).isEqualTo("${revieweeUsername}");
        assertThat(step.getCamundaFormRefBinding()).isEqualTo("deployment");

        // the dry run of the published cycle: the new step is on every path, with who does it
        browser.open("/admin/schools/" + school.school().id() + "/cycle-model/dry-run");
        browser.click(By.xpath("//button[.='Run the dry run']"));
        browser.waitUntilTextShown("The dry run found no problem");
        assertThat(browser.pageText()).contains(ADDED_NAME);
        browser.screenshot("05-dry-run");

        // (the integrator adds here: the admin sees the diff between versions 1 and 2 on the versions page)

        // the running reviews move onto version 2
        browser.open("/admin/schools/" + school.school().id() + "/cycle-model");
        browser.click(By.id("migrate-link"));
        browser.waitUntilTextShown("Move running reviews onto a new version");
        new Select(browser.waitFor(By.id("version"))).selectByValue("2");
        browser.click(By.xpath("//button[.='Preview']"));
        browser.waitUntilTextShown("3 of 3 reviews can move.");
        assertThat(browser.driver().findElement(By.id("preview-rows")).getText()).contains(school.teacher().fullName(),
                "Reflect before the planning meeting");
        browser.screenshot("06-preview");
        browser.click(By.xpath("//button[.='Move 3 reviews onto version 2']"));
        browser.waitUntilTextShown("Every review was moved onto version 2");
        assertThat(browser.driver().findElement(By.id("migration-moved")).getText()).isEqualTo("3 of 3");
        browser.screenshot("07-moved");
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
        browser.screenshot("08-reflection");
        browser.click(By.xpath("//button[normalize-space(.)='Complete']"));
        browser.waitUntil(() -> ADDED.equals(openTask(teacherReview).getTaskDefinitionKey()));
        browser.click(By.xpath("//li[contains(@class,'task')]//h4[contains(@class,'task')]/a[contains(., '" + ADDED_NAME + "')]"));
        browser.waitFor(By.cssSelector(".fjs-container .fjs-form"));
        browser.waitUntilTextShown(ADDED_NAME);
        browser.screenshot("09-the-new-step-in-tasklist");
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

    private static By shape(String elementId) {
        return By.cssSelector("g.djs-element[data-element-id='" + elementId + "']");
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

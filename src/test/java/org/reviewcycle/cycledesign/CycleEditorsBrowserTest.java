package org.reviewcycle.cycledesign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.logging.LogType;
import org.reviewcycle.process.AnnualReviewCycleProcess;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.Browser;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The editors in a real browser, as the trust's admin, on a school of the test's own: open a file,
 * change it as a person would, publish it, and find the new version on the versions page and in the
 * engine. No script may be refused by the page's Content-Security-Policy (ours allows only 'self').
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CycleEditorsBrowserTest {

    @LocalServerPort int port;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired RepositoryService repository;
    @Autowired ObjectMapper json;

    TestSchool school;
    Browser browser;
    String base;

    @BeforeEach
    void aSchoolOfItsOwnAndItsAdmin() {
        school = TestSchool.create(schools, staff);
        base = "/admin/schools/" + school.school().id() + "/cycle-model";
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theAdminRenamesAStepInTheBpmnEditorAndPublishesItAsTheSchoolsNextVersion() {
        open("bpmn", "AnnualReviewCycle.bpmn");
        // problems are marked on the diagram (the shipped model's implicit joins, for one)
        browser.waitFor(By.cssSelector(".bjsl-overlay, .bjsl-button"));
        browser.screenshot("1-bpmn-editor");

        browser.click(By.cssSelector("g.djs-element[data-element-id='Task_PlanningMeeting']"));
        openGeneralProperties();
        browser.type(By.id("bio-properties-panel-name"), "Hold the planning meeting with the reviewee");
        browser.waitUntil(() -> browser.driver().findElement(By.cssSelector("g[data-element-id='Task_PlanningMeeting']"))
                .getText().contains("reviewee"));

        // without a comment nothing is published, and the page says why beside the editor
        browser.click(By.xpath("//button[.='Publish a new version']"));
        browser.waitUntilTextShown("Say what changed, and why, in the comment");
        assertThat(versionsOfTheCycle()).containsExactly(1);
        browser.screenshot("2-bpmn-refused");

        browser.type(By.id("comment"), "The reviewee is in the planning meeting too");
        browser.click(By.xpath("//button[.='Publish a new version']"));
        browser.waitUntilTextShown("Version 2 of the cycle is published");
        browser.screenshot("3-bpmn-published");

        assertThat(versionsOfTheCycle()).containsExactly(2, 1);
        ProcessDefinition current = currentCycle();
        assertThat(repository.getBpmnModelInstance(current.getId()).getModelElementById("Task_PlanningMeeting")
                .getAttributeValue("name")).isEqualTo("Hold the planning meeting with the reviewee");
        assertVersionListed(2, "The reviewee is in the planning meeting too", "AnnualReviewCycle.bpmn");
        browser.screenshot("4-versions");
        assertNoScriptRefused();
    }

    @Test
    void theAdminChangesAFieldsLabelInTheFormEditorAndTheNewVersionCarriesTheForm() throws IOException {
        open("form", "SelfReflection.form");
        browser.click(By.cssSelector(".fjs-editor-container [data-id='Field_Strengths']"));
        openGeneralProperties();
        // the label is a templating field (CodeMirror), typed into like any text box
        var label = browser.waitFor(By.cssSelector("[data-entry-id='label'] [contenteditable='true']"));
        label.click();
        label.sendKeys(Keys.chord(Keys.CONTROL, "a"), "What you do well");
        browser.waitUntil(() -> browser.driver().findElement(By.cssSelector(".fjs-editor-container [data-id='Field_Strengths']"))
                .getText().contains("What you do well"));
        browser.screenshot("1-form-editor");

        browser.type(By.id("comment"), "Plainer words for the first question");
        browser.click(By.xpath("//button[.='Publish a new version']"));
        browser.waitUntilTextShown("Version 2 of the cycle is published");

        assertThat(versionsOfTheCycle()).containsExactly(2, 1);
        try (InputStream form = repository.getResourceAsStream(currentCycle().getDeploymentId(), "SelfReflection.form")) {
            var published = json.readTree(form.readAllBytes());
            assertThat(published.path("id").asText()).isEqualTo("SelfReflection");
            assertThat(published.path("components").findValuesAsText("label")).contains("What you do well")
                    .doesNotContain("Your strengths");
        }
        assertVersionListed(2, "Plainer words for the first question", "SelfReflection.form");
        assertNoScriptRefused();
    }

    @Test
    void theAdminOpensTheReviewPlanInTheDmnEditorAndPublishesIt() throws IOException {
        open("dmn", "ReviewPlan.dmn");
        browser.waitFor(By.cssSelector(".tjs-table"));
        browser.screenshot("1-dmn-editor");

        browser.type(By.id("comment"), "Checked the plan for this year");
        browser.click(By.xpath("//button[.='Publish a new version']"));
        browser.waitUntilTextShown("Version 2 of the cycle is published");

        assertThat(versionsOfTheCycle()).containsExactly(2, 1);
        var plan = repository.createDecisionDefinitionQuery().decisionDefinitionKey(AnnualReviewCycleProcess.REVIEW_PLAN_DECISION)
                .tenantIdIn(school.school().code()).latestVersion().singleResult();
        assertThat(plan.getDeploymentId()).isEqualTo(currentCycle().getDeploymentId());
        try (InputStream dmn = repository.getResourceAsStream(plan.getDeploymentId(), "ReviewPlan.dmn")) {
            assertThat(new String(dmn.readAllBytes(), StandardCharsets.UTF_8)).contains("TEACHER_MPG");
        }
        assertVersionListed(2, "Checked the plan for this year", "ReviewPlan.dmn");
        assertNoScriptRefused();
    }

    /** Logs in as the trust's admin and opens the file's editor from the versions page, as a person would. */
    private void open(String test, String file) {
        browser = new Browser(port, "cycle-editors-" + test);
        browser.driver().manage().window().setSize(new Dimension(1366, 768));
        browser.logIn("admin", "demo");
        browser.waitUntilPathStartsWith("/camunda/app/tasklist/");
        browser.open("/admin/schools/" + school.school().id());
        browser.click(By.linkText("The cycle"));
        browser.waitUntilTextShown("Versions");
        browser.click(By.cssSelector("a[aria-label='Open " + file + " in its editor']"));
        browser.waitUntil(() -> "ready".equals(browser.driver().findElement(By.id("editor")).getDomAttribute("data-state")));
    }

    /** The properties panel's groups start closed: open "General", where the name or label is. */
    private void openGeneralProperties() {
        By header = By.cssSelector("[data-group-id='group-general'] .bio-properties-panel-group-header");
        browser.waitFor(header);
        if (!browser.driver().findElement(header).getDomAttribute("class").contains("open")) {
            browser.click(header);
        }
    }

    private void assertVersionListed(int version, String comment, String file) {
        browser.click(By.linkText("The cycle’s versions"));
        browser.waitUntilTextShown("Versions");
        String row = browser.driver().findElement(By.cssSelector("#versions tr[data-version='" + version + "']")).getText();
        assertThat(row).contains("current", "Sam Patel", comment, file);
    }

    private ProcessDefinition currentCycle() {
        return repository.createProcessDefinitionQuery().processDefinitionKey(AnnualReviewCycleProcess.KEY)
                .tenantIdIn(school.school().code()).latestVersion().singleResult();
    }

    private List<Integer> versionsOfTheCycle() {
        return repository.createProcessDefinitionQuery().processDefinitionKey(AnnualReviewCycleProcess.KEY)
                .tenantIdIn(school.school().code()).orderByProcessDefinitionVersion().desc().list().stream()
                .map(ProcessDefinition::getVersion).toList();
    }

    /**
     * No script of the editors is refused by the CSP. (A few style attributes the editors set are,
     * such as the properties panel's height; the editors' style sheet sets the same, see
     * src/main/frontend/src/editor-page.css.)
     */
    private void assertNoScriptRefused() {
        assertNoScriptRefused(browser);
    }

    /** The same for another test of the cycle's pages (CycleVersionsBrowserTest). */
    static void assertNoScriptRefused(Browser browser) {
        var refusals = browser.driver().manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(entry -> entry.getMessage()).filter(message -> message.contains("Content Security Policy")
                        && !message.contains("directive 'style-src 'self''")).toList();
        assertThat(refusals).isEmpty();
    }
}

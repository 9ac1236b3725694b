package org.reviewcycle.cycledesign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.reviewcycle.process.AnnualReviewCycleProcess;
import org.reviewcycle.school.School;
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
 * The versions of a school's cycle in a real browser, as the trust's admin: see what a version
 * changed (a renamed step named in the list and marked on the diagram), publish the earlier version
 * again, publish the trust's default in its editor (dry run with the school's staff), then follow
 * the trust's default by adopting that version.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CycleVersionsBrowserTest {

    static final String RENAMED = "Hold the planning meeting together";

    @LocalServerPort int port;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired RepositoryService repository;
    @Autowired CycleDesignService design;
    @Autowired TrustCycleService trust;

    School school;
    Browser browser;

    @BeforeEach
    void aSchoolWhoseSecondVersionRenamedAStep() {
        school = TestSchool.create(schools, staff).school();
        asTheTrustsAdmin(() -> design.publish(school, "AnnualReviewCycle.bpmn", design.content(school,
                "AnnualReviewCycle.bpmn").replace("name=\"Hold the planning meeting\"", "name=\"" + RENAMED + "\""),
                "The reviewee plans with their reviewer"));
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
        SecurityContextHolder.clearContext();
    }

    @Test
    void theAdminSeesTheRenamedStepRollsBackAndAdoptsTheTrustsDefault() {
        browser = new Browser(port, "cycle-versions");
        browser.logIn("admin", "demo");
        browser.waitUntilPathStartsWith("/camunda/app/tasklist/");
        browser.open("/admin/schools/" + school.id());
        browser.click(By.linkText("The cycle"));
        browser.waitUntilTextShown("Versions");
        browser.screenshot("1-versions");

        browser.click(By.cssSelector("a[aria-label='What changed in version 2']"));
        browser.waitUntil(() -> "ready".equals(browser.driver().findElement(By.id("diff")).getDomAttribute("data-state")));
        String changes = browser.driver().findElement(By.id("diff-changes")).getText();
        assertThat(changes).contains("Renamed step ‘Hold the planning meeting’ to ‘" + RENAMED + "’");
        assertThat(browser.driver().findElement(By.id("file-changes")).getText())
                .contains("The review plan decision did not change.", "No form changed.");
        // marked on both diagrams, under its old name on the left and its new one on the right
        var after = browser.driver().findElement(By.cssSelector("#diff-after g.djs-element[data-element-id='Task_PlanningMeeting']"));
        var before = browser.driver().findElement(By.cssSelector("#diff-before g.djs-element[data-element-id='Task_PlanningMeeting']"));
        assertThat(after.getDomAttribute("class")).contains("diff-changed");
        assertThat(before.getDomAttribute("class")).contains("diff-changed");
        assertThat(after.getText()).contains("together");
        browser.screenshot("2-diff");
        CycleEditorsBrowserTest.assertNoScriptRefused(browser);

        browser.click(By.linkText("The cycle’s versions"));
        browser.click(By.cssSelector("summary[aria-label='Publish version 1 again']"));
        browser.type(By.id("reason-1"), "Heads found the joint meeting too long");
        browser.screenshot("3-roll-back");
        browser.click(By.xpath("//button[.='Publish version 1 again']"));
        browser.waitUntilTextShown("Version 3 of the cycle is published");
        assertThat(versions()).containsExactly(3, 2, 1);
        assertThat(browser.driver().findElement(By.cssSelector("#versions tr[data-version='3']")).getText())
                .contains("current", "Rolled back to version 1: Heads found the joint meeting too long");
        assertThat(browser.pageText()).contains("keeps its own copy");
        browser.screenshot("4-rolled-back");

        // the trust's admin publishes the trust's default in its editor, dry run with this school's staff
        browser.open("/admin/trust/cycle-model");
        browser.click(By.cssSelector("a[aria-label='Open ReviewPlan.dmn in its editor']"));
        browser.waitUntil(() -> "ready".equals(browser.driver().findElement(By.id("editor")).getDomAttribute("data-state")));
        new Select(browser.waitFor(By.id("dryRunSchoolId"))).selectByVisibleText(school.name());
        browser.type(By.id("comment"), "Plain words");
        browser.screenshot("5-trust-editor");
        browser.click(By.xpath("//button[.='Publish a new version']"));
        browser.waitUntilTextShown("of the trust's default cycle is published");
        int offered = trust.currentVersion();
        assertThat(trust.versions().get(0)).extracting(TrustVersion::comment, TrustVersion::dryRunSchool)
                .containsExactly("Plain words", school.id());
        browser.open("/admin/trust/cycle-model");
        browser.waitUntilTextShown("Plain words");
        browser.screenshot("6-trust-cycle");

        browser.open("/admin/schools/" + school.id() + "/cycle-model");
        browser.click(By.xpath("//button[.='Follow the trust’s default: adopt its version " + offered + "']"));
        browser.waitUntilTextShown("Version 4 of the cycle is published");
        assertThat(browser.pageText()).contains("follows the trust’s default cycle: it runs the trust’s version " + offered);
        assertThat(design.versions(school).get(0).comment()).isEqualTo("Adopted version " + offered
                + " of the trust's default cycle");
        assertThat(design.content(school, "ReviewPlan.dmn")).isEqualTo(trust.content("ReviewPlan.dmn"));
        browser.screenshot("7-adopted");
    }

    private <T> T asTheTrustsAdmin(java.util.function.Supplier<T> work) {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("admin", null, "admins"));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private List<Integer> versions() {
        return repository.createProcessDefinitionQuery().processDefinitionKey(AnnualReviewCycleProcess.KEY)
                .tenantIdIn(school.code()).orderByProcessDefinitionVersion().desc().list().stream()
                .map(ProcessDefinition::getVersion).toList();
    }
}

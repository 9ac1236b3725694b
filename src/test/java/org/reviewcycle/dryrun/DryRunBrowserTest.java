package org.reviewcycle.dryrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.reviewcycle.demo.DemoSchool;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.support.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The dry run page in a real browser at 1366x768, as Littletown's admin uses it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class DryRunBrowserTest {

    @LocalServerPort int port;
    @Autowired SchoolService schools;

    @Test
    void anAdminRunsTheSchoolsCycleThenAChangedModelWithAStepNobodyGets() throws Exception {
        long littletown = schools.findSchool(DemoSchool.CODE).orElseThrow().id();
        Path changed = Files.createTempFile("changed-cycle", ".bpmn");
        Files.writeString(changed, DryRunServiceOnMariaDbTest.modelWithAStepNobodyGets(), StandardCharsets.UTF_8);
        try (var browser = new Browser(port, "dry-run")) {
            browser.driver().manage().window().setSize(new Dimension(1366, 768));
            browser.logIn("admin", "demo");
            browser.waitUntilPathStartsWith("/camunda/app/tasklist/");
            browser.open("/admin/schools/" + littletown + "/cycle-model/dry-run");
            browser.waitUntilTextShown("Run the dry run");
            browser.screenshot("1-dry-run");

            browser.click(By.xpath("//button[.='Run the dry run']"));
            browser.waitUntilTextShown("The dry run found no problem");
            assertThat(browser.pageText()).contains("The review of Amy Clarke, reviewed by David Okafor",
                    "Observe a lesson 2 of 2: Amy Clarke", "Helen Ashworth (head)", "31 Oct 2026");
            browser.screenshot("2-the-cycle-passes");
            browser.driver().executeScript("arguments[0].scrollIntoView({block: 'start'});",
                    browser.driver().findElement(By.xpath("//h3[.='Teacher (main pay range)']")));
            browser.screenshot("3-a-teachers-path");

            browser.driver().findElement(By.id("bpmn")).sendKeys(changed.toAbsolutePath().toString());
            browser.click(By.xpath("//button[.='Run the dry run']"));
            browser.waitUntilTextShown("The dry run found");
            assertThat(browser.pageText()).contains("Nobody can be given “Agree the mid-year notes”",
                    "A model cannot be published while its dry run finds a problem");
            browser.screenshot("4-a-step-nobody-gets");
        } finally {
            Files.deleteIfExists(changed);
        }
    }
}

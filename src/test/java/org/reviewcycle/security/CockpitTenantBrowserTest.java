package org.reviewcycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.reviewcycle.demo.DemoSchool;
import org.reviewcycle.process.AnnualReviewCycleProcess;
import org.reviewcycle.support.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Cockpit in a real browser as Hillcrest's school admin: Hillcrest's reviews, and nothing of Littletown's. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CockpitTenantBrowserTest {

    private static final Pattern LOADED_COUNTS = Pattern.compile("Process Definitions\\n[1-9]");

    @LocalServerPort int port;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;

    @Test
    void hillcrestsAdminSeesHillcrestsReviewsOnlyInCockpit() {
        String hillcrestCycle = cycleOf(DemoSchool.SECOND_CODE);
        String littletownCycle = cycleOf(DemoSchool.CODE);
        long hillcrestReviews = runtime.createProcessInstanceQuery().tenantIdIn(DemoSchool.SECOND_CODE).count();
        String aLittletownReview = runtime.createProcessInstanceQuery().tenantIdIn(DemoSchool.CODE).listPage(0, 1)
                .get(0).getId();
        try (var browser = new Browser(port, "cockpit-school-admin")) {
            browser.logIn("hc.admin", "demo");
            browser.waitUntilPathStartsWith("/camunda/app/tasklist/");

            browser.open("/camunda/app/cockpit/default/#/processes");
            browser.waitFor(By.cssSelector("[cam-widget-header]"));
            browser.waitUntilTextShown(DemoSchool.SECOND_CODE);
            browser.screenshot("1-processes");
            assertThat(browser.pageText()).contains(DemoSchool.SECOND_CODE).doesNotContain(DemoSchool.CODE);

            browser.open("/camunda/app/cockpit/default/#/process-definition/" + hillcrestCycle + "/runtime");
            browser.waitUntilTextShown("Process Instances");
            browser.waitUntil(() -> browser.driver().findElements(By.cssSelector("tr.ng-scope td.instance-id")).size()
                    == hillcrestReviews);
            browser.screenshot("2-hillcrest-reviews");

            // Littletown's cycle, by its address: Cockpit is refused it (403) and says so
            browser.open("/camunda/app/cockpit/default/#/process-definition/" + littletownCycle + "/runtime");
            browser.waitUntilTextShown("Received 403 from server");
            // the dashboard it falls back to, once its counts are loaded (Hillcrest's own, and any
            // model deployed for no school by other tests)
            browser.waitUntil(() -> LOADED_COUNTS.matcher(browser.pageText()).find());
            browser.screenshot("3-littletown-refused");
            assertThat(browser.driver().findElements(By.cssSelector("td.instance-id"))).isEmpty();
            assertThat(browser.pageText()).doesNotContain(aLittletownReview, littletownCycle);
        }
    }

    private String cycleOf(String school) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(AnnualReviewCycleProcess.KEY)
                .tenantIdIn(school).latestVersion().singleResult().getId();
    }
}

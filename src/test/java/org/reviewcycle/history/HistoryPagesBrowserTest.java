package org.reviewcycle.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;
import org.reviewcycle.demo.DemoSchool;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.support.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The history pages in a real browser: a change made on one page is found, with its before and after. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class HistoryPagesBrowserTest {

    @LocalServerPort int port;
    @Autowired SchoolService schools;

    @Test
    void theTrustAdminFindsAChangeToAPersonByNameAndSeesThatPersonsHistory() {
        long littletown = schools.findSchool(DemoSchool.CODE).orElseThrow().id();
        try (var browser = new Browser(port, "history")) {
            browser.driver().manage().window().setSize(new Dimension(1366, 768));
            browser.logIn("admin", "demo");
            browser.waitUntilPathStartsWith("/camunda/app/tasklist/");
            // a change to find: Linda Hughes made an administrator of Littletown, then not
            browser.open("/admin/schools/" + littletown + "/settings");
            new Select(browser.driver().findElement(By.id("staffId"))).selectByVisibleText("Linda Hughes, School administrator");
            browser.click(By.xpath("//button[.='Make administrator']"));
            browser.waitUntilTextShown("Linda Hughes is now an administrator");
            browser.click(By.cssSelector("button[aria-label='Stop Linda Hughes being a school administrator']"));
            browser.waitUntilTextShown("Linda Hughes is no longer an administrator");

            browser.open("/admin/schools/" + littletown + "/history");
            browser.waitUntilTextShown("History of changes");
            browser.type(By.id("q"), "hughes");
            browser.click(By.xpath("//button[.='Search']"));
            browser.waitUntilTextShown("Made a school administrator");
            assertThat(browser.pageText()).contains("Stopped being a school administrator", "Sam Patel", "School administrator")
                    .doesNotContain("Added the school");
            browser.screenshot("1-search-by-name");

            browser.click(By.cssSelector("a[aria-label='History of Linda Hughes']"));
            browser.waitUntilTextShown("History of Linda Hughes");
            assertThat(browser.pageText()).contains("Made a school administrator");
            browser.screenshot("2-history-of-a-person");

            browser.open("/admin/history?q=Sam+Patel");
            browser.waitUntilTextShown("History of changes in the trust");
            assertThat(browser.pageText()).contains("Littletown Primary", "Linda Hughes");
            browser.screenshot("3-the-trusts-history");
        }
    }
}

package org.reviewcycle.school;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.reviewcycle.demo.DemoSchool;
import org.reviewcycle.support.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The Schools pages in a real browser, as the trust's business manager uses them, at 1366x768. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class SchoolPagesBrowserTest {

    @LocalServerPort int port;
    @Autowired SchoolService schools;

    @Test
    void theTrustAdminAddsASchoolFixingABadCodeAndSeesItsOverview() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        try (var browser = laptop(new Browser(port, "schools"))) {
            browser.logIn("admin", "demo");
            browser.waitUntilPathStartsWith("/camunda/app/tasklist/");
            browser.open("/admin");
            browser.waitUntilPathStartsWith("/admin/schools");
            browser.waitUntilTextShown("Hillcrest Primary");
            assertThat(browser.pageText()).contains("Littletown Primary", "Sam Patel", "Add a school");
            browser.screenshot("1-list");

            browser.type(By.id("name"), "Oakfield Primary " + suffix);
            browser.type(By.id("code"), "Oakfield Primary");
            browser.click(By.xpath("//button[.='Add the school']"));
            browser.waitUntilTextShown("There is a problem");
            assertThat(browser.pageText()).contains("School code must be lower-case letters");
            assertThat(browser.driver().findElement(By.id("name")).getDomProperty("value"))
                    .isEqualTo("Oakfield Primary " + suffix);
            browser.screenshot("2-bad-code");

            browser.type(By.id("code"), "littletown");
            browser.click(By.xpath("//button[.='Add the school']"));
            browser.waitUntilTextShown("is taken by Littletown Primary");
            browser.screenshot("3-code-taken");

            browser.type(By.id("code"), "oakfield-" + suffix);
            browser.click(By.xpath("//button[.='Add the school']"));
            browser.waitUntilTextShown("is added");
            assertThat(browser.pageText()).contains("Oakfield Primary " + suffix, "0 members of staff", "Not set up yet");
            assertThat(schools.findSchool("oakfield-" + suffix)).isPresent();
            browser.screenshot("4-overview-of-the-new-school");

            browser.click(By.linkText("School details and administrators"));
            browser.waitUntilTextShown("Rename the school");
            browser.type(By.id("name"), "Oakfield Church of England Primary " + suffix);
            browser.click(By.xpath("//button[.='Rename']"));
            browser.waitUntilTextShown("The school is now called Oakfield Church of England Primary " + suffix);
            browser.click(By.xpath("//button[.='Close the school']"));
            browser.waitUntilTextShown("The school is closed");
            assertThat(browser.pageText()).contains("Closed on", "Reopen the school");
            browser.screenshot("5-renamed-and-closed");
            School closed = schools.findSchool("oakfield-" + suffix).orElseThrow();
            assertThat(closed.name()).isEqualTo("Oakfield Church of England Primary " + suffix);
            assertThat(closed.closed()).isTrue();

            browser.open("/admin/schools");
            browser.waitUntilTextShown("Oakfield Church of England Primary " + suffix);
            assertThat(browser.pageText()).contains("Closed on");
        }
    }

    @Test
    void theTrustAdminSeesLittletownsOverviewAndAdministrators() {
        long littletown = schools.findSchool(DemoSchool.CODE).orElseThrow().id();
        try (var browser = laptop(new Browser(port, "school-settings"))) {
            browser.logIn("admin", "demo");
            browser.waitUntilPathStartsWith("/camunda/app/tasklist/");
            browser.open("/admin/schools/" + littletown);
            browser.waitUntilTextShown("Run the school's appraisal");
            assertThat(browser.pageText()).contains("Littletown Primary", "members of staff", "Under way");
            browser.screenshot("1-overview");

            browser.click(By.linkText("School details and administrators"));
            browser.waitUntilTextShown("Make a member of staff an administrator");
            assertThat(browser.pageText()).contains("Sam Patel", "Trust administrator", "Rename the school",
                    "Close the school");
            browser.screenshot("2-details-and-administrators");
        }
    }

    @Test
    void aSchoolAdminIsSentToTheirSchoolAndSeesItsAdministratorsButNotTheTrustsControls() {
        try (var browser = laptop(new Browser(port, "school-admin-front-door"))) {
            browser.logIn("hc.admin", "demo");
            browser.waitUntilPathStartsWith("/camunda/app/tasklist/");
            browser.open("/admin");
            browser.waitUntilTextShown("Run the school's appraisal");
            assertThat(browser.pageText()).contains("Hillcrest Primary").doesNotContain("Littletown");
            browser.screenshot("1-overview");
            browser.click(By.linkText("School details and administrators"));
            browser.waitUntilTextShown("Owen Roberts");
            assertThat(browser.pageText()).contains("The trust's administrators run this school too: Sam Patel.");
            assertThat(browser.pageText()).doesNotContain("Rename the school", "Close the school",
                    "Make trust administrator");
            browser.screenshot("2-details");
        }
    }

    /** The window of a school office's laptop. */
    static Browser laptop(Browser browser) {
        browser.driver().manage().window().setSize(new Dimension(1366, 768));
        return browser;
    }
}

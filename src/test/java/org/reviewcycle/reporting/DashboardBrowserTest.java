package org.reviewcycle.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.Browser;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * In a real browser: the head opens the dashboard (every chart drawn beside its table), follows the review
 * waiting longest to its record; the head adds a governor, who logs in, lands on the school's dashboard
 * and sees aggregates only, and is refused Tasklist; the trust's admin opens every school side by side.
 * Screenshots in target/screenshots/dashboard/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardBrowserTest {

    @LocalServerPort int port;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theHeadFollowsAStalledReviewToItsRecordAndAGovernorSeesOnlyAggregates() throws java.io.IOException {
        TestSchool other = TestSchool.create(schools, staff);
        DashboardSchool known = DashboardSchool.create(schools, staff, jdbc, other, LocalDateTime.now());
        String code = known.school().school().code();
        String dashboard = "/schools/" + known.school().school().id() + "/dashboard";
        try (var browser = new Browser(port, "dashboard")) {
            browser.driver().manage().window().setSize(new Dimension(1400, 1000));
            browser.logIn(known.school().head().username(), "demo");
            browser.waitUntilPathStartsWith("/camunda/app/tasklist/");
            browser.open("/dashboard");
            browser.waitUntilTextShown("appraisal in 2026/27");
            assertThat(browser.currentPath()).isEqualTo(dashboard);
            List<WebElement> charts = browser.driver().findElements(By.cssSelector("canvas[data-chart]"));
            assertThat(charts).hasSizeGreaterThanOrEqualTo(7);
            // Chart.js has drawn each one: it sizes the canvas to its box
            browser.waitUntil(() -> charts.stream().allMatch(c -> c.getDomAttribute("style") != null
                    && c.getDomAttribute("style").contains("display: block")));
            assertThat(browser.pageText()).contains("Completion by category", "Teacher (main pay range)",
                    "Time spent at each step", "Hold the mid-year check", "Not linked to a priority",
                    "Lessons good or better, this year against last", "Process checklist", "Moderation");
            browser.screenshot("1-head-dashboard");
            browser.driver().executeScript("document.getElementById('waiting-longest').scrollIntoView()");
            browser.screenshot("2-waiting-longest");
            browser.driver().executeScript("document.getElementById('checklist').scrollIntoView()");
            browser.screenshot("3-checklist");

            browser.click(By.linkText("Teacher2 Of " + code));
            browser.waitUntilPathStartsWith("/records/reviews/");
            assertThat(browser.currentPath()).isEqualTo("/records/reviews/" + known.t2Review());
            // the stalled review's record, and its written report read back from the PDF
            browser.waitUntilTextShown("Appraisal record of Teacher2 Of " + code);
            browser.screenshot("2b-the-stalled-reviews-record");
            try (PDDocument report = Loader.loadPDF(browser.download("Download the written report (PDF)"))) {
                assertThat(new PDFTextStripper().getText(report)).contains(known.school().school().name(),
                        "Appraisal report 2026/27", "Teacher2 Of " + code);
            }

            browser.open("/schools/" + known.school().school().id() + "/governors");
            browser.type(By.id("firstName"), "Jo");
            browser.type(By.id("lastName"), "Wood");
            browser.type(By.id("email"), "jo.wood@example.org");
            browser.type(By.id("username"), "jo.wood." + code);
            browser.type(By.id("password"), "governor-password");
            browser.click(By.xpath("//button[.='Add the governor']"));
            browser.waitUntilTextShown("can now log in as jo.wood." + code);
            browser.screenshot("4-governors");
            browser.click(By.xpath("//button[.='Log out']"));
            browser.waitUntilTextShown("You have logged out.");

            browser.logIn("jo.wood." + code, "governor-password");
            browser.waitUntilPathStartsWith(dashboard);
            browser.waitUntilTextShown("Jo Wood, governor");
            String seen = browser.pageText();
            assertThat(seen).contains("fewer than 5", "Teacher (main pay range)", "Process checklist")
                    .doesNotContain("Teacher2 Of", "Deputy Of", "Reviews waiting longest", "Moderation", "My tasks",
                            "Past reviews", "Governors’ accounts");
            assertThat(browser.driver().findElements(By.cssSelector("a[href^='/records/']"))).isEmpty();
            browser.screenshot("5-governor-dashboard");
            browser.click(By.linkText("Your password"));
            browser.waitUntilTextShown("Change your password");
            browser.screenshot("5b-governor-password");

            browser.open("/camunda/app/tasklist/default/");
            browser.waitUntilTextShown("Not allowed");
            browser.screenshot("6-governor-refused-tasklist");

            browser.open("/login?logout");
            browser.driver().manage().deleteAllCookies();
            browser.logIn("admin", "demo");
            browser.waitUntilPathStartsWith("/camunda/app/tasklist/");
            browser.open("/dashboard");
            browser.waitUntilTextShown("The trust’s appraisal in");
            assertThat(browser.currentPath()).startsWith("/trust/dashboard");
            assertThat(browser.pageText()).contains(known.school().school().name(), "Every school side by side");
            browser.screenshot("7-trust-dashboard");
        }
    }
}

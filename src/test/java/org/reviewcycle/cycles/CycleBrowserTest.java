package org.reviewcycle.cycles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.review.ReviewState;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffCategory;
import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.Browser;
import org.reviewcycle.process.SchoolDeployments;
import org.reviewcycle.school.School;
import org.reviewcycle.support.GeneratedTrust;
import org.reviewcycle.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A school business manager plans next year's cycle (and meets a date out of order beside its
 * field), launches it, watches the bar fill without the page reloading, reads the report and
 * downloads it as CSV, sees where each review stands, and closes the cycle; in a real browser at 1366x768.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CycleBrowserTest {

    @LocalServerPort int port;
    @Autowired DataSource dataSource;
    @Autowired SchoolDeployments deployments;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired ReviewService reviews;

    @Test
    void anAdminPlansACycleLaunchesItWatchesTheBarAndReadsTheReport() {
        // 300 staff: six batches, so that the bar is seen moving
        var generated = new GeneratedTrust(dataSource, "b" + UUID.randomUUID().toString().substring(0, 6))
                .addSchool(1, 300, GeneratedTrust.Milestones.of2026());
        // a school written by SQL gets its model as one created on the Schools page does
        deployments.deploy(new School(generated.id(), generated.code(), generated.code()));
        long schoolId = generated.id();
        staff.addStaffMember(new StaffMember(null, schoolId, "olivia." + generated.code(), "Olivia",
                "Bennett", "olivia@example.org", "Teaching assistant", StaffCategory.TEACHING_ASSISTANT, true, false,
                null), "demo");
        staff.addStaffMember(new StaffMember(null, schoolId, "marcus." + generated.code(), "Marcus",
                "Reid", "marcus@example.org", "Class teacher, Year 5", StaffCategory.TEACHER_MPG, true, false, null,
                "MR05", null, LocalDate.of(2026, 9, 1), LocalDate.now().minusDays(3), false), "demo");
        String cycles = "/admin/schools/" + schoolId + "/cycles";

        try (var browser = new Browser(port, "cycles")) {
            browser.driver().manage().window().setSize(new Dimension(1366, 768));
            browser.logIn("admin", "demo");
            browser.waitUntilPathStartsWith("/camunda/app/tasklist/");
            browser.open(cycles);
            browser.waitUntilTextShown("Review cycles");
            browser.screenshot("1-cycles");
            assertThat(browser.pageText()).contains("2026/27", "31 October 2026", "Planned");

            browser.click(By.linkText("Plan a cycle"));
            browser.waitUntilTextShown("Teachers and leaders");
            assertThat(browser.driver().findElement(By.id("academicYear")).getDomProperty("value")).isEqualTo("2027/28");
            assertThat(browser.driver().findElement(By.id("objectivesAgreedBy")).getDomProperty("value"))
                    .isEqualTo("2027-10-31");
            browser.screenshot("2-plan-form");
            setDate(browser, "midYearCheckFrom", "2027-10-01");
            browser.click(By.cssSelector("main button[type=submit]"));
            browser.waitUntilTextShown("There is a problem");
            browser.screenshot("3-dates-out-of-order");
            String sentence = "Mid-year check from (1 October 2027) must be after objectives agreed by (31 October 2027)";
            assertThat(browser.driver().findElement(By.cssSelector(".field.has-error .field-error")).getDomProperty("textContent"))
                    .isEqualTo(sentence);
            assertThat(browser.driver().findElement(By.cssSelector(".error-summary")).getText()).contains(sentence);
            assertThat(schools.findCycle(schoolId, "2027/28")).isEmpty();

            setDate(browser, "midYearCheckFrom", "2028-02-01");
            browser.click(By.cssSelector("main button[type=submit]"));
            browser.waitUntilTextShown("The 2027/28 cycle");
            browser.screenshot("4-planned");
            assertThat(schools.findCycle(schoolId, "2027/28")).isPresent();

            browser.click(By.linkText("Change the dates"));
            browser.waitUntilTextShown("Change the dates of the 2027/28 cycle");
            setDate(browser, "supportObjectivesAgreedBy", "2027-11-30");
            browser.click(By.cssSelector("main button[type=submit]"));
            browser.waitUntilTextShown("30 November 2027");
            assertThat(schools.findCycle(schoolId, "2027/28").orElseThrow().supportObjectivesAgreedBy())
                    .isEqualTo(LocalDate.of(2027, 11, 30));

            // launch this year's cycle
            browser.open(cycles);
            browser.click(By.linkText("2026/27"));
            browser.waitUntilTextShown("The 2026/27 cycle");
            browser.click(By.xpath("//button[.='Launch']"));
            browser.waitUntilTextShown("Launch of the 2026/27 cycle");
            String launchPath = browser.currentPath();
            browser.screenshot("5-launch-running");
            // the page is never reloaded: a mark set on it now is still there when the bar is full
            browser.driver().executeScript("document.body.dataset.sameDocument = 'yes'");
            browser.waitUntilTextShown("See the launch report");
            browser.screenshot("6-launch-finished");
            assertThat(browser.driver().executeScript("return document.body.dataset.sameDocument")).isEqualTo("yes");
            assertThat(browser.driver().findElement(By.id("launch-bar")).getAttribute("aria-valuenow")).isEqualTo("100");
            assertThat(browser.pageText()).contains("299 of 299 reviews started");

            browser.click(By.linkText("See the launch report"));
            browser.waitUntilTextShown("Launch report");
            browser.screenshot("7-report");
            assertThat(browser.pageText()).contains("Olivia Bennett", "No reviewer yet", "Marcus Reid",
                    "Left the school on", "Head Of " + generated.code());
            assertThat(reviews.reviewsIn(generated.cycleId())).hasSize(299);

            var csv = WebSession.loggedIn(port, "admin", "demo").get(launchPath + "/report.csv");
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.body()).contains("Staff number,Name,Job title,Why no review",
                    "MR05,Marcus Reid,\"Class teacher, Year 5\",Left the school on",
                    ",Olivia Bennett,Teaching assistant,No reviewer yet");

            browser.click(By.linkText("Where each review stands"));
            browser.waitUntilTextShown("Reviews of the 2026/27 cycle");
            browser.screenshot("8-reviews");
            assertThat(browser.pageText()).contains("Member1 Of " + generated.code(), "Leader1 Of " + generated.code(),
                    "Reflect before the planning meeting").doesNotContain(generated.code() + ".staff001");

            browser.click(By.linkText("Back to the cycle"));
            browser.click(By.linkText("Close the cycle"));
            browser.waitUntilTextShown("299 reviews still running");
            browser.screenshot("9-close-confirmation");
            browser.click(By.xpath("//button[.='Close the 2026/27 cycle']"));
            // ending 299 reviews takes a moment: read the page once the answer has replaced it
            browser.waitUntil(() -> !browser.currentPath().endsWith("/close"));
            browser.waitUntilTextShown("The 2026/27 cycle is closed. 299 reviews still running were ended");
            browser.screenshot("10-closed");
            assertThat(browser.pageText()).doesNotContain("Launch");
            assertThat(reviews.reviewsIn(generated.cycleId()))
                    .allSatisfy(review -> assertThat(review.state()).isEqualTo(ReviewState.ENDED));
        }
    }

    /** Sets a date field as the date picker would: its value is always written yyyy-mm-dd. */
    private static void setDate(Browser browser, String field, String isoDate) {
        browser.driver().executeScript("document.getElementById(arguments[0]).value = arguments[1]", field, isoDate);
    }
}

package org.reviewcycle.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;
import org.reviewcycle.school.School;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.support.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The staff page in a real browser at 1366x768: search, a loop of reviewers refused beside the
 * field with the names in order, a leaver marked and found under "Leavers".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaffPagesBrowserTest {

    @LocalServerPort int port;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;

    @Test
    void anAdminSearchesIsStoppedFromALoopOfReviewersAndMarksALeaver() {
        School school = schools.createSchool("w" + UUID.randomUUID().toString().substring(0, 8), "Willow Primary");
        String domain = "@" + school.code() + ".example.org";
        staff.importRows(school.id(), school.name(), List.of(
                row(1, "W1", "Margaret", "Ellis", "m.ellis" + domain, "Headteacher", ""),
                row(2, "W2", "Owen", "Price", "o.price" + domain, "Deputy Headteacher", "W1"),
                row(3, "W3", "Amira", "Haddad", "a.haddad" + domain, "Class Teacher", "W2"),
                row(4, "W4", "Liam", "Murphy", "l.murphy" + domain, "Teaching Assistant", "W3")), false, false);
        String base = "/admin/schools/" + school.id() + "/staff";

        try (var browser = new Browser(port, "staff-pages")) {
            browser.driver().manage().window().setSize(new Dimension(1366, 768));
            browser.logIn("admin", "demo");
            browser.waitUntilPathStartsWith("/camunda/app/tasklist/");
            browser.open(base);
            browser.type(By.id("q"), "haddad");
            browser.click(By.xpath("//button[normalize-space()='Search']"));
            browser.waitUntilTextShown("1 person");
            assertThat(browser.pageText()).contains("Amira Haddad", "Owen Price").doesNotContain("Liam Murphy");
            browser.screenshot("1-search");

            browser.open(base);
            browser.click(By.linkText("Margaret Ellis"));
            browser.waitUntilTextShown("Reviewer");
            new Select(browser.waitFor(By.id("reviewerId"))).selectByVisibleText("Liam Murphy, Teaching Assistant");
            browser.click(By.xpath("//button[normalize-space()='Save']"));
            browser.waitUntilTextShown("There is a problem");
            assertThat(browser.pageText()).contains("That would make a loop of reviewers: Margaret Ellis reviews "
                    + "Owen Price reviews Amira Haddad reviews Liam Murphy reviews Margaret Ellis");
            browser.screenshot("2-loop-refused");

            browser.open(base);
            browser.click(By.linkText("Liam Murphy"));
            browser.waitUntilTextShown("Last day at the school");
            browser.driver().executeScript("document.getElementById('leftOn').value = arguments[0]",
                    LocalDate.now().minusDays(1).toString());
            browser.driver().executeScript("document.getElementById('leftOn').scrollIntoView({block: 'center'})");
            browser.screenshot("3-leaver-form");
            browser.click(By.xpath("//button[normalize-space()='Mark as leaver']"));
            browser.waitUntilTextShown("Liam Murphy is marked as leaving on");
            assertThat(browser.pageText()).contains("3 people");
            browser.click(By.id("leavers"));
            browser.click(By.xpath("//button[normalize-space()='Search']"));
            browser.waitUntilTextShown("Leavers");
            assertThat(browser.pageText()).contains("Liam Murphy", "Left ");
            browser.screenshot("4-leavers");
        }
    }

    private static ImportRow row(int line, String number, String first, String last, String email, String role,
            String reviewer) {
        return new ImportRow(line, new java.util.EnumMap<>(Map.of(ImportField.STAFF_NUMBER, number,
                ImportField.FIRST_NAME, first, ImportField.LAST_NAME, last, ImportField.EMAIL, email,
                ImportField.JOB_TITLE, role, ImportField.REVIEWER_STAFF_NUMBER, reviewer)));
    }
}

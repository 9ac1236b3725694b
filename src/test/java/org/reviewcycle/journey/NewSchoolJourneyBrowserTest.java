package org.reviewcycle.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.support.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole of "a school runs itself", as a trust's business manager meets it on a laptop: the
 * school is added on the Schools page; its staff come from a Bromcom export, whose bad rows are
 * seen and corrected; the year's dates are set; the cycle is launched, the bar watched, and the
 * report read. Nothing is set up behind the browser's back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NewSchoolJourneyBrowserTest {

    @LocalServerPort int port;
    @Autowired SchoolService schools;

    @TempDir Path files;

    @Test
    void aNewSchoolIsAddedItsStaffImportedItsCycleDatedLaunchedAndReportedAllInTheBrowser() throws IOException {
        String code = "oak" + UUID.randomUUID().toString().substring(0, 6);
        Path withBadRows = copy("bromcom-staff-with-bad-rows.csv");
        Path corrected = copy("bromcom-staff.csv");

        try (var browser = new Browser(port, "new-school-journey")) {
            browser.driver().manage().window().setSize(new Dimension(1366, 768));
            browser.logIn("admin", "demo");
            browser.waitUntilPathStartsWith("/camunda/app/tasklist/");

            // the school
            browser.open("/admin");
            browser.waitUntilTextShown("Add a school");
            browser.type(By.id("name"), "Oakfield Primary");
            browser.type(By.id("code"), code);
            browser.click(By.xpath("//button[.='Add the school']"));
            browser.waitUntilTextShown("Import staff");
            long schoolId = schools.findSchool(code).orElseThrow().id();
            assertThat(browser.currentPath()).isEqualTo("/admin/schools/" + schoolId);
            browser.screenshot("1-the-new-school");

            // its staff, from the MIS export
            browser.click(By.linkText("Import staff"));
            browser.waitUntilTextShown("Import staff from the MIS");
            browser.driver().findElement(By.id("file")).sendKeys(withBadRows.toString());
            browser.click(By.cssSelector("#upload-form button[type=submit]"));
            browser.waitUntilTextShown("Match the columns");
            browser.screenshot("2-columns");
            browser.click(By.xpath("//button[contains(., 'Preview the import')]"));
            browser.waitUntilTextShown("5 rows need correcting");
            browser.screenshot("3-bad-rows");
            browser.click(By.linkText("Upload the corrected file"));
            browser.waitUntilTextShown("Import staff from the MIS");
            browser.driver().findElement(By.id("file")).sendKeys(corrected.toString());
            browser.click(By.cssSelector("#upload-form button[type=submit]"));
            browser.waitUntilTextShown("Match the columns");
            browser.click(By.xpath("//button[contains(., 'Preview the import')]"));
            browser.waitUntilTextShown("Preview of the import");
            browser.click(By.xpath("//button[normalize-space()='Import']"));
            browser.waitUntilTextShown("The staff file was imported: 7 added");
            assertThat(browser.pageText()).contains("Margaret Ellis", "Owen Price", "Amira Haddad");
            browser.screenshot("4-staff");

            // the year's dates: the form offers this academic year with 31 October for objectives
            browser.click(By.linkText("Cycles"));
            browser.click(By.linkText("Plan a cycle"));
            browser.waitUntilTextShown("Teachers and leaders");
            browser.screenshot("5-dates");
            browser.click(By.xpath("//button[.='Plan the cycle']"));
            browser.waitUntilTextShown("Launch");
            assertThat(browser.pageText()).contains("31 October");

            // the launch, watched on the same page, and its report
            browser.click(By.xpath("//button[.='Launch']"));
            browser.waitUntilTextShown("See the launch report");
            assertThat(browser.pageText()).contains("6 of 6 reviews started");
            browser.screenshot("6-launched");
            browser.click(By.linkText("See the launch report"));
            browser.waitUntilTextShown("Launch report");
            assertThat(browser.pageText()).contains("Margaret Ellis", "No reviewer yet");
            browser.screenshot("7-report");
        }
    }

    private Path copy(String name) throws IOException {
        Path file = files.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/mis/" + name)) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }
}

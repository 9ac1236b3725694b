package org.reviewcycle.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.reviewcycle.school.School;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.support.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A school business manager imports their staff in a real browser, on a laptop's 1366x768 screen:
 * a file too large is refused at once; a Bromcom-shaped file with bad rows is uploaded, its columns
 * matched, the bad rows seen; the corrected file uploaded, previewed and imported; the staff page
 * shows the people, and one of them is opened.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaffImportBrowserTest {

    @LocalServerPort int port;
    @Autowired SchoolService schools;

    @TempDir Path files;

    @Test
    void aSchoolBusinessManagerImportsTheStaffFileCorrectsItsBadRowsAndSeesTheStaff() throws IOException {
        School school = schools.createSchool("o" + UUID.randomUUID().toString().substring(0, 8), "Oakfield Primary");
        Path tooLarge = files.resolve("everyone.csv");
        Files.write(tooLarge, new byte[6 * 1024 * 1024]);
        Path withBadRows = copy("bromcom-staff-with-bad-rows.csv");
        Path corrected = copy("bromcom-staff.csv");
        String base = "/admin/schools/" + school.id();

        try (var browser = new Browser(port, "staff-import")) {
            browser.driver().manage().window().setSize(new Dimension(1366, 768));
            browser.logIn("admin", "demo");
            browser.waitUntilPathStartsWith("/camunda/app/tasklist/");
            browser.open(base + "/import");
            browser.waitUntilTextShown("Import staff from the MIS");
            browser.screenshot("1-upload");

            browser.driver().findElement(By.id("file")).sendKeys(tooLarge.toString());
            browser.click(By.cssSelector("#upload-form button[type=submit]"));
            browser.waitUntilTextShown("at most 5 MB can be imported");
            assertThat(browser.currentPath()).isEqualTo(base + "/import");
            browser.screenshot("2-too-large");

            browser.driver().findElement(By.id("file")).sendKeys(withBadRows.toString());
            browser.click(By.cssSelector("#upload-form button[type=submit]"));
            browser.waitUntilTextShown("Match the columns");
            assertThat(browser.pageText()).contains("9 rows, read as UTF-8 with commas");
            browser.screenshot("3-mapping");
            browser.click(By.xpath("//button[contains(., 'Preview the import')]"));
            browser.waitUntilTextShown("5 rows need correcting");
            assertThat(browser.pageText()).contains("The staff number is missing.",
                    "Reviewer's staff number B999 is neither in the file nor on the school's staff.",
                    "Staff number B003 is also on line 5.", "Category 'Volunteer' is not one of ours");
            browser.screenshot("4-bad-rows");

            browser.click(By.linkText("Upload the corrected file"));
            browser.waitUntilTextShown("Import staff from the MIS");
            browser.driver().findElement(By.id("file")).sendKeys(corrected.toString());
            browser.click(By.cssSelector("#upload-form button[type=submit]"));
            browser.waitUntilTextShown("Match the columns");
            browser.click(By.xpath("//button[contains(., 'Preview the import')]"));
            browser.waitUntilTextShown("Preview of the import");
            assertThat(browser.pageText()).contains("New staff", "Amira Haddad", "Dan Walsh", "Other support staff");
            browser.screenshot("5-preview");

            browser.click(By.xpath("//button[normalize-space()='Import']"));
            browser.waitUntilTextShown("The staff file was imported: 7 added");
            assertThat(browser.pageText()).contains("7 people", "Margaret Ellis", "Owen Price", "No password yet");
            browser.screenshot("6-staff");

            browser.click(By.linkText("Amira Haddad"));
            browser.waitUntilTextShown("Give a password");
            assertThat(browser.pageText()).contains("Owen Price");
            browser.screenshot("7-a-member-of-staff");
        }
    }

    private Path copy(String name) throws IOException {
        Path file = files.resolve(name);
        Files.write(file, StaffFileTest.misFile(name));
        return file;
    }
}

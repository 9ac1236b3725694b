package org.reviewcycle.departure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.reviewcycle.process.CycleLauncher;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.Browser;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The trust admin takes a school out of the trust in the browser, on a laptop's screen. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SchoolDepartureBrowserTest {

    @LocalServerPort int port;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired CycleLauncher launcher;

    @Test
    void theTrustAdminConfirmsWithTheSchoolsNameAndTheSchoolIsGone() {
        TestSchool school = TestSchool.create(schools, staff);
        launcher.launch(school.cycle().id());
        String name = school.school().name();
        try (var browser = new Browser(port, "school-departure")) {
            browser.driver().manage().window().setSize(new Dimension(1366, 768));
            browser.logIn("admin", "demo");
            browser.waitUntilPathStartsWith("/camunda/app/tasklist/");
            browser.open("/admin/schools/" + school.school().id() + "/leave");
            browser.waitUntilTextShown(name + " leaves the trust");
            // a trust admin finds the page in the school's menu
            assertThat(browser.waitFor(By.cssSelector(".school-nav a[href$='/leave']")).getText())
                    .isEqualTo("Leave the trust");
            browser.screenshot("1-leave-page");
            assertThat(browser.pageText()).contains("Download " + name + "’s records", "Members of staff",
                    "Reviews", "Type the school's name to confirm");

            browser.type(By.id("confirmName"), "Hillcrest");
            browser.click(By.cssSelector("button.warning"));
            browser.waitUntilTextShown("The school was not deleted");
            browser.screenshot("2-wrong-name");
            assertThat(schools.findSchool(school.school().id())).isPresent();

            browser.type(By.id("confirmName"), name);
            browser.click(By.cssSelector("button.warning"));
            browser.waitUntilTextShown(name + " has left the trust");
            browser.screenshot("3-left");
            assertThat(schools.findSchool(school.school().id())).isEmpty();
        }
    }
}

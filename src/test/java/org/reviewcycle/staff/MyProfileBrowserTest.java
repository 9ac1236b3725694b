package org.reviewcycle.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.support.Browser;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A member of staff finds their profile where Tasklist puts it (the menu under their name, "My profile"), reads
 * who ReviewCycle knows them as, changes their password (a mistake first, named beside its field), and logs in
 * with the new one. In a real browser; the person is added in a school of the test's own, so the demo's staff
 * stay as they are.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MyProfileBrowserTest {

    private static final String FIRST = "first-password-1";
    private static final String CHOSEN = "three unrelated words";

    @LocalServerPort int port;
    @Autowired StaffService staff;
    @Autowired SchoolService schools;

    /** Someone new in a school of the test's own (the demo school's staff stay as the demo tests expect). */
    private StaffMember newcomer(TestSchool school, String name) {
        String username = name + "." + school.school().code();
        return staff.addStaffMember(new StaffMember(null, school.school().id(), username, "Nia", "Newcomer",
                username + "@example.org", "Class teacher Year 5", StaffCategory.TEACHER_MPG, true, false,
                school.leader().id()), FIRST);
    }

    @Test
    void aTeacherGoesFromTasklistToTheirProfileAndChangesTheirPassword() {
        TestSchool school = TestSchool.create(schools, staff);
        String username = newcomer(school, "profile").username();

        try (var browser = new Browser(port, "my-profile")) {
            browser.logIn(username, FIRST);
            browser.waitUntilPathStartsWith("/camunda/app/tasklist/default/");
            browser.waitUntilTextShown("My tasks");
            browser.driver().findElements(By.cssSelector(".dropdown-toggle")).stream().filter(e -> e.isDisplayed())
                    .filter(e -> e.getText().contains("Nia Newcomer")).findFirst().orElseThrow().click();
            browser.click(By.linkText("My profile"));
            browser.waitUntilPathStartsWith("/me");
            browser.waitUntilTextShown("Change your password");
            browser.screenshot("1-profile");
            assertThat(browser.pageText()).contains("Nia Newcomer", "Class teacher Year 5", school.school().name(),
                    school.leader().fullName());

            browser.type(By.id("current"), FIRST);
            browser.type(By.id("password"), CHOSEN);
            browser.type(By.id("repeated"), CHOSEN + " typo");
            browser.click(By.cssSelector("main button[type=submit]"));
            browser.waitUntilTextShown("Your password was not changed");
            browser.screenshot("2-mistake");
            assertThat(browser.waitFor(By.cssSelector(".has-error .field-error")).getText())
                    .isEqualTo("The two new passwords differ: type the same one twice");

            browser.type(By.id("current"), FIRST);
            browser.type(By.id("password"), CHOSEN);
            browser.type(By.id("repeated"), CHOSEN);
            browser.click(By.cssSelector("main button[type=submit]"));
            browser.waitUntilTextShown("Your password is changed");
            browser.screenshot("3-changed");
            browser.click(By.cssSelector(".bar .logout button"));
            browser.waitUntilTextShown("You have logged out.");
        }
        try (var browser = new Browser(port, "my-profile")) {
            browser.logIn(username, CHOSEN);
            browser.waitUntilPathStartsWith("/camunda/app/tasklist/default/");
        }
    }
}

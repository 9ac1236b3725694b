package org.reviewcycle.objective;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.Browser;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A team leader (not an admin) proposes, corrects, changes and withdraws the team's joint
 * objectives in a real browser at 1366x768; the trust's admin then reads them on the Teams page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class TeamObjectivePagesBrowserTest {

    private static final String WRITING = "To use the school writing process in every subject, so that pupils write at length across the curriculum";

    @LocalServerPort int port;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aTeamLeaderProposesChangesAndWithdrawsJointObjectivesAndTheAdminReadsThem() {
        TestSchool school = TestSchool.create(schools, staff);
        try (var browser = new Browser(port, "team-objectives")) {
            browser.driver().manage().window().setSize(new Dimension(1366, 768));
            browser.logIn(school.leader().username(), "demo");
            browser.waitUntilPathStartsWith("/camunda/app/tasklist/");
            browser.open("/teams");
            browser.waitUntilTextShown("My teams");
            browser.click(By.linkText("Key stage 2 team: joint objectives"));
            browser.waitUntilTextShown("No joint objectives are proposed yet");
            assertThat(browser.pageText()).contains("For the 2026/27 appraisal year");
            browser.screenshot("1-none-yet");

            browser.type(By.id("title"), WRITING);
            browser.click(By.xpath("//button[.='Propose to the team']"));
            browser.waitUntilTextShown("There is a problem");
            assertThat(browser.pageText()).contains("Choose the school improvement priority it serves",
                    "The success criteria must not be empty", "The evidence must not be empty");
            assertThat(browser.driver().findElement(By.id("title")).getDomProperty("value")).isEqualTo(WRITING);
            browser.screenshot("2-problems");

            new Select(browser.driver().findElement(By.id("priorityCode"))).selectByValue("W1");
            browser.type(By.id("successCriteria"), "Writing in topic books is of the same standard as in English books by July");
            browser.type(By.id("evidence"), "Book scrutiny each half term; pupil interviews");
            browser.click(By.xpath("//button[.='Propose to the team']"));
            browser.waitUntilTextShown("The joint objective is proposed");
            browser.type(By.id("title"), "To model joined handwriting in every lesson");
            new Select(browser.driver().findElement(By.id("priorityCode"))).selectByValue("W1");
            browser.type(By.id("successCriteria"), "Most pupils join their handwriting by Easter");
            browser.type(By.id("evidence"), "Handwriting books");
            browser.click(By.xpath("//button[.='Propose to the team']"));
            browser.waitUntilTextShown("The joint objective is proposed");
            assertThat(browser.pageText()).contains(WRITING, "W1: Raise standards in writing", school.leader().fullName());
            browser.screenshot("3-proposed");

            browser.click(By.cssSelector("a[aria-label='Change or withdraw To model joined handwriting in every lesson']"));
            browser.waitUntilTextShown("Change a joint objective");
            browser.type(By.id("title"), "To model joined handwriting in every writing lesson");
            new Select(browser.driver().findElement(By.id("priorityCode"))).selectByValue("M1");
            browser.screenshot("4-change");
            browser.click(By.xpath("//button[.='Save']"));
            browser.waitUntilTextShown("The joint objective is saved");
            assertThat(browser.pageText()).contains("To model joined handwriting in every writing lesson",
                    "M1: Improve reasoning in mathematics");

            browser.click(By.cssSelector("a[aria-label='Change or withdraw " + WRITING + "']"));
            browser.click(By.xpath("//button[.='Withdraw this objective']"));
            browser.waitUntilTextShown("The joint objective is withdrawn");
            browser.screenshot("5-withdrawn");
            assertThat(jdbc.queryForList("select title from team_objective where team_id = ? and withdrawn_at is null",
                    String.class, school.team().id())).containsExactly("To model joined handwriting in every writing lesson");

            browser.click(By.xpath("//button[.='Log out']"));
            browser.waitUntilTextShown("You have logged out.");
            browser.logIn("admin", "demo");
            browser.waitUntilPathStartsWith("/camunda/app/tasklist/");
            browser.open("/admin/schools/" + school.school().id() + "/teams");
            browser.waitUntilTextShown("Joint objectives proposed by team leaders for 2026/27");
            assertThat(browser.pageText()).contains("To model joined handwriting in every writing lesson", WRITING,
                    "withdrawn", school.leader().fullName());
            browser.screenshot("6-admin-teams");
            browser.open("/admin/schools/" + school.school().id() + "/teams/" + school.team().id());
            browser.waitUntilTextShown("Joint objectives for 2026/27");
            browser.screenshot("7-admin-team");
        }
    }
}

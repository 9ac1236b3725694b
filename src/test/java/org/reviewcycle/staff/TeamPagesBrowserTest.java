package org.reviewcycle.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

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

/** A school's teams in a real browser, as Hillcrest's own admin uses them, at 1366x768. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class TeamPagesBrowserTest {

    @LocalServerPort int port;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;

    @Test
    void aSchoolAdminAddsATeamChoosesItsMembersAndChangesItsLeader() {
        long hillcrest = schools.findSchool(DemoSchool.SECOND_CODE).orElseThrow().id();
        String code = "ks2-" + UUID.randomUUID().toString().substring(0, 6);
        try (var browser = new Browser(port, "teams")) {
            browser.driver().manage().window().setSize(new Dimension(1366, 768));
            browser.logIn("hc.admin", "demo");
            browser.waitUntilPathStartsWith("/camunda/app/tasklist/");
            browser.open("/admin/schools/" + hillcrest + "/teams");
            browser.waitUntilTextShown("Add a team");
            assertThat(browser.pageText()).contains("Hillcrest staff", "Nadia Hussain");
            browser.screenshot("1-teams");

            browser.type(By.id("name"), "Key stage 2 " + code);
            browser.type(By.id("code"), code);
            browser.click(By.xpath("//button[.='Add the team']"));
            browser.waitUntilTextShown("Choose the team's leader");
            browser.screenshot("2-no-leader");
            new Select(browser.driver().findElement(By.id("leaderId"))).selectByVisibleText(
                    "Ben Carter, Class teacher, Year 3 (main pay range)");
            browser.click(By.xpath("//button[.='Add the team']"));
            browser.waitUntilTextShown("Now add its members");

            new Select(browser.driver().findElement(By.id("staffId"))).selectByVisibleText("Sophie Lee, Teaching assistant");
            browser.click(By.xpath("//button[.='Add to the team']"));
            browser.waitUntilTextShown("Sophie Lee is added to the team");
            browser.screenshot("3-a-team");

            new Select(browser.driver().findElement(By.id("leaderId"))).selectByVisibleText("Nadia Hussain, Headteacher");
            browser.click(By.xpath("//button[.='Save']"));
            browser.waitUntilTextShown("The team is saved");
            browser.click(By.cssSelector("button[aria-label='Take Ben Carter out of the team']"));
            browser.waitUntilTextShown("Ben Carter is taken out of the team");
            browser.screenshot("4-new-leader");

            var team = staff.teamsOf(hillcrest).stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow();
            long head = staff.findByUsername("hc.head").orElseThrow().id();
            long ta = staff.findByUsername("hc.ta").orElseThrow().id();
            assertThat(team.leaderId()).isEqualTo(head);
            assertThat(staff.teamMemberIds(team.id())).containsExactlyInAnyOrder(head, ta);
        }
    }
}

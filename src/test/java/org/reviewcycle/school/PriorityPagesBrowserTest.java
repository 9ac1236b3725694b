package org.reviewcycle.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reviewcycle.school.SchoolPagesBrowserTest.laptop;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.reviewcycle.demo.DemoSchool;
import org.reviewcycle.support.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The trust's and a school's priorities in a real browser, at 1366x768. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class PriorityPagesBrowserTest {

    @LocalServerPort int port;
    @Autowired SchoolService schools;

    @Test
    void theTrustAddsAPriorityASchoolServesItAndTheTrustRetiresIt() {
        String code = "T" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        String schoolCode = "R" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        long littletown = schools.findSchool(DemoSchool.CODE).orElseThrow().id();
        try (var browser = laptop(new Browser(port, "priorities"))) {
            browser.logIn("admin", "demo");
            browser.waitUntilPathStartsWith("/camunda/app/tasklist/");
            browser.open("/admin/trust/priorities");
            browser.waitUntilTextShown("Add a trust priority");
            assertThat(browser.pageText()).contains("T1", "Raise attainment at the end of key stage 2");
            browser.screenshot("1-trust-priorities");

            browser.type(By.id("code"), code);
            browser.click(By.xpath("//button[.='Add the trust priority']"));
            browser.waitUntilTextShown("There is a problem");
            assertThat(browser.pageText()).contains("Enter the title", "Enter the description");
            browser.screenshot("2-missing-title");
            browser.type(By.id("title"), "Reading for pleasure in every school");
            browser.type(By.id("description"), "Every pupil reads daily for pleasure and talks about books");
            browser.click(By.xpath("//button[.='Add the trust priority']"));
            browser.waitUntilTextShown("The trust priority " + code + " is added");

            browser.open("/admin/schools/" + littletown + "/priorities");
            browser.waitUntilTextShown("School improvement priorities");
            assertThat(browser.pageText()).contains("W1", "T1: Raise attainment");
            browser.type(By.id("code"), schoolCode);
            browser.type(By.id("title"), "Reading for pleasure");
            browser.type(By.id("wholeSchoolTarget"), "Every class has a daily story time by Easter");
            new Select(browser.driver().findElement(By.id("trustPriorityId")))
                    .selectByVisibleText(code + ": Reading for pleasure in every school");
            browser.click(By.xpath("//button[.='Add the priority']"));
            browser.waitUntilTextShown("The priority " + schoolCode + " is added");
            assertThat(schools.priorities(littletown)).anySatisfy(p -> {
                assertThat(p.code()).isEqualTo(schoolCode);
                assertThat(p.trustPriorityId()).isNotNull();
            });
            browser.screenshot("3-school-priorities");

            browser.click(By.cssSelector("a[aria-label='Change " + schoolCode + "']"));
            browser.waitUntilTextShown("Change the priority " + schoolCode);
            browser.type(By.id("title"), "Reading for pleasure across the school");
            browser.click(By.xpath("//button[.='Save']"));
            browser.waitUntilTextShown("Reading for pleasure across the school");

            browser.open("/admin/trust/priorities");
            browser.click(By.cssSelector("a[aria-label='Change " + code + "']"));
            browser.waitUntilTextShown("Retire it");
            browser.screenshot("4-a-trust-priority");
            browser.click(By.xpath("//button[.='Retire this priority']"));
            browser.waitUntilTextShown("is retired");
            assertThat(schools.trustPriorities()).filteredOn(t -> t.code().equals(code))
                    .singleElement().satisfies(t -> assertThat(t.retired()).isTrue());
            browser.screenshot("5-retired");
        }
    }
}

package org.reviewcycle.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reviewcycle.support.ReviewDriver.values;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.reviewcycle.objective.ObjectiveService;
import org.reviewcycle.process.CycleLauncher;
import org.reviewcycle.review.Outcome;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.Browser;
import org.reviewcycle.support.EarlierYear;
import org.reviewcycle.support.ReviewDriver;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The team leader sees last year's objectives that were not met above this year's, in the real Tasklist. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CarriedForwardBrowserTest {

    @LocalServerPort int port;
    @Autowired CycleLauncher launcher;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired ReviewService reviews;
    @Autowired ObjectiveService objectives;
    @Autowired TaskService tasks;
    @Autowired FormService forms;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;

    @Test
    void theTeamLeaderSeesLastYearsObjectivesNotMetAsSuggestions() {
        var school = TestSchool.create(schools, staff);
        EarlierYear.finishedReview(schools, reviews, objectives, school, school.teacher().id(), 2025,
                Outcome.MET, Outcome.NOT_MET);
        launcher.launch(school.cycle().id());
        var review = reviews.runningReviewsOf(school.teacher().id()).stream()
                .filter(r -> r.cycleId().equals(school.cycle().id())).findFirst().orElseThrow();
        new ReviewDriver(tasks, forms, identity, management, runtime, staff, review.processInstanceId())
                .submit(school.teacher().username(), values("strengths", "Phonics", "developmentWishes", "Writing",
                        "objectiveIdeas", ""));

        try (var browser = new Browser(port, "carried-forward")) {
            browser.driver().manage().window().setSize(new Dimension(1366, 768));
            browser.logIn(school.leader().username(), "demo");
            browser.waitUntilPathStartsWith("/camunda/app/tasklist/");
            browser.click(By.xpath("//li[contains(@class,'task')]//*[contains(., 'Hold the planning meeting')]"));
            browser.waitFor(By.cssSelector(".fjs-container"));
            browser.waitUntilTextShown("Not met in 2025/26");
            var heading = browser.waitFor(By.xpath("//h3[contains(., 'Not met in 2025/26')]"));
            browser.driver().executeScript("arguments[0].scrollIntoView({block: 'start'});", heading);
            var table = browser.waitFor(By.xpath("//*[contains(@class,'fjs-form-field-table')]"
                    + "[.//*[contains(., 'Objectives not met last year')]]"));
            browser.screenshot("1-not-met-last-year");
            assertThat(table.getText()).contains("Objective 2 of 2025/26", "Not met",
                    "Found at the final review: Not met").doesNotContain("Objective 1 of 2025/26");
        }
    }
}

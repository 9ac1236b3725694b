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
import org.reviewcycle.objective.Objective;
import org.reviewcycle.objective.ObjectiveDraft;
import org.reviewcycle.objective.ObjectiveService;
import org.reviewcycle.objective.TeamObjective;
import org.reviewcycle.process.AnnualReviewCycleProcess.Elements;
import org.reviewcycle.process.CycleLauncher;
import org.reviewcycle.review.Review;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.Browser;
import org.reviewcycle.support.ReviewDriver;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The joint objective a team's leader proposed, in the real Tasklist at 1366x768: the planning
 * meeting shows it with the team and who proposed it, the reviewer ticks it in beside an objective
 * of the member's own, and it is recorded first with its link to the team's objective.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TeamObjectivesBrowserTest {

    private static final String WRITING = "To use the school writing process in every subject";

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
    @Autowired UserDetailsService users;

    @Test
    void theReviewerTicksTheTeamsJointObjectiveIntoTheMembersObjectives() {
        var school = TestSchool.create(schools, staff);
        var leader = users.loadUserByUsername(school.leader().username());
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(leader, null, leader.getAuthorities()));
        TeamObjective proposal;
        try {
            proposal = objectives.proposeTeamObjective(school.team().id(), new ObjectiveDraft(WRITING, "W1",
                    "Writing in topic books is of the same standard as in English books by July",
                    "Book scrutiny each half term", null, true));
        } finally {
            SecurityContextHolder.clearContext();
        }
        launcher.launch(school.cycle().id());
        Review review = reviews.reviewsIn(school.cycle().id()).stream()
                .filter(r -> r.staffId().equals(school.teacher().id())).findFirst().orElseThrow();
        var driver = new ReviewDriver(tasks, forms, identity, management, runtime, staff, review.processInstanceId());
        driver.submit(school.teacher().username(), values("strengths", "Phonics", "developmentWishes", "Writing",
                "objectiveIdeas", "Writing across the curriculum"));

        try (var browser = new Browser(port, "team-objectives-planning-meeting")) {
            browser.driver().manage().window().setSize(new Dimension(1366, 768));
            browser.logIn(school.leader().username(), "demo");
            browser.waitUntilPathStartsWith("/camunda/app/tasklist/");
            browser.click(By.xpath("//li[contains(@class,'task')]//*[contains(., 'Hold the planning meeting')]"));
            browser.waitFor(By.cssSelector(".fjs-container"));
            browser.waitUntilTextShown("Joint objectives proposed for");
            assertThat(browser.pageText()).contains("Key stage 2 team", WRITING, school.leader().fullName())
                    .doesNotContain(school.leader().username());
            assertThat(browser.pageText()).contains("My teams, at /teams on this site");
            browser.driver().executeScript("arguments[0].scrollIntoView({block: 'start'});",
                    browser.driver().findElement(By.xpath("//*[contains(., 'Joint objectives proposed for') and self::h3]")));
            browser.screenshot("1-offered");

            browser.click(By.xpath("//label[contains(., 'Key stage 2 team: " + WRITING + "')]"));
            browser.type(By.cssSelector("[id$='Field_ObjectiveTitle_0']"), "Develop pupils' reasoning in maths");
            browser.click(By.cssSelector("[id$='Field_PriorityCode_0-display']"));
            browser.click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and starts-with(normalize-space(.), 'M1')]"));
            browser.type(By.cssSelector("[id$='Field_SuccessCriteria_0']"), "Pupils explain their reasoning");
            browser.type(By.cssSelector("[id$='Field_ObjectiveEvidence_0']"), "Lesson observations");
            browser.screenshot("2-ticked");
            browser.click(By.xpath("//button[normalize-space(.)='Complete']"));
            browser.waitUntil(() -> Elements.APPROVE_OBJECTIVES.equals(driver.openTaskKey()));
        }
        assertThat(objectives.currentObjectives(review.id())).extracting(Objective::title, Objective::teamObjectiveId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(WRITING, proposal.id()),
                        org.assertj.core.groups.Tuple.tuple("Develop pupils' reasoning in maths", null));
    }
}

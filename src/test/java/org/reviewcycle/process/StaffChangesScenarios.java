package org.reviewcycle.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reviewcycle.process.AnnualReviewCycleProcess.Elements.APPROVE_OBJECTIVES;
import static org.reviewcycle.process.AnnualReviewCycleProcess.Elements.PLANNING_MEETING;
import static org.reviewcycle.process.AnnualReviewCycleProcess.Elements.SELF_REFLECTION;
import static org.reviewcycle.support.ReviewDriver.objective;
import static org.reviewcycle.support.ReviewDriver.objectives;
import static org.reviewcycle.support.ReviewDriver.values;

import java.time.LocalDate;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewcycle.history.AdministrationHistory;
import org.reviewcycle.review.Review;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.review.ReviewState;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffLeft;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.ReviewDriver;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A review under way follows what happens to its people (StaffChangesListener): a new reviewer
 * takes over the open steps and the later ones, and a leaver's review ends with its reason. Run on
 * H2 and on MariaDB by the two subclasses.
 */
abstract class StaffChangesScenarios {

    @Autowired CycleLauncher launcher;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired ReviewService reviews;
    @Autowired AdministrationHistory history;
    @Autowired TaskService tasks;
    @Autowired FormService forms;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService engineHistory;
    @Autowired ApplicationEventPublisher events;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired LeaversReviewsEnding leavers;

    static final java.time.format.DateTimeFormatter LONG_DATE =
            java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK);

    TestSchool school;
    Review review;
    ReviewDriver driver;

    @BeforeEach
    void teacherWaitsForThePlanningMeeting() {
        school = TestSchool.create(schools, staff);
        launcher.launch(school.cycle().id());
        review = reviews.runningReviewsOf(school.teacher().id()).get(0);
        driver = new ReviewDriver(tasks, forms, identity, management, runtime, staff, review.processInstanceId());
        assertThat(driver.openTaskKey()).isEqualTo(SELF_REFLECTION);
        driver.submit(school.teacher().username(), values("strengths", "Building relationships with pupils",
                "developmentWishes", "Teaching extended writing", "objectiveIdeas", "Something on writing"));
        assertThat(driver.openTaskKey()).isEqualTo(PLANNING_MEETING);
        assertThat(driver.openTask().getAssignee()).isEqualTo(school.leader().username());
    }

    @Test
    void aNewReviewerTakesOverTheOpenMeetingAndTheStepsAfterIt() {
        String taskId = driver.openTask().getId();

        staff.assignReviewer(school.teacher().id(), school.head().id());

        assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee())
                .isEqualTo(school.head().username());
        // the form names its team leader from the review when it opens (ReviewForms.commonFacts)
        assertThat(reviews.facts(review.id()).reviewer().fullName()).isEqualTo(school.head().fullName());
        assertThat(engineHistory.createHistoricTaskInstanceQuery().taskId(taskId).singleResult().getAssignee())
                .isEqualTo(school.head().username());
        assertThat(reviews.find(review.id()).orElseThrow().reviewerId()).isEqualTo(school.head().id());
        assertThat(driver.variable(AnnualReviewCycleProcess.Variables.REVIEWER)).isEqualTo(school.head().username());

        var entries = history.changes(school.school().id(), school.teacher().id(), null, 0, 20).entries();
        assertThat(entries).anySatisfy(entry -> {
            assertThat(entry.change().subjectType()).isEqualTo("Review");
            assertThat(entry.change().subjectId()).isEqualTo(review.id());
            assertThat(entry.change().action()).isEqualTo("Changed reviewer");
            assertThat(entry.fields()).containsExactly(new AdministrationHistory.FieldChange("Reviewer",
                    school.leader().fullName(), school.head().fullName()));
        });

        // the new reviewer holds the meeting; the old one no longer can
        driver.submit(school.head().username(), values("objectives", objectives(
                objective("Use the school writing process across the curriculum", "W1", false))));
        assertThat(driver.openTaskKey()).isEqualTo(APPROVE_OBJECTIVES);
        assertThat(engineHistory.createHistoricTaskInstanceQuery().taskId(taskId).singleResult().getAssignee())
                .isEqualTo(school.head().username());
    }

    @Test
    void removingTheReviewerLeavesTheReviewWithTheOneItHas() {
        staff.assignReviewer(school.teacher().id(), null);

        assertThat(driver.openTask().getAssignee()).isEqualTo(school.leader().username());
        assertThat(reviews.find(review.id()).orElseThrow().reviewerId()).isEqualTo(school.leader().id());
    }

    @Test
    void aLeaversReviewEndsWithTheDateTheyLeftAndItsRecordsAreKept() {
        LocalDate yesterday = LocalDate.now().minusDays(1);
        String reason = "Left the school on " + LONG_DATE.format(yesterday);
        // what StaffService.markLeaver does: the event inside the transaction that marks the leaver
        new TransactionTemplate(transactionManager).executeWithoutResult(
                status -> events.publishEvent(new StaffLeft(school.teacher().id(), yesterday)));

        assertThat(driver.ended()).isTrue();
        var ended = reviews.find(review.id()).orElseThrow();
        assertThat(ended.state()).isEqualTo(ReviewState.ENDED);
        assertThat(reviews.endReason(review.id())).contains(reason);
        assertThat(engineHistory.createHistoricProcessInstanceQuery().processInstanceId(review.processInstanceId())
                .singleResult().getDeleteReason()).isEqualTo(reason);
        assertThat(reviews.selfReflection(review.id())).isPresent();
        assertThat(history.changes(school.school().id(), school.teacher().id(), null, 0, 20).entries())
                .anySatisfy(entry -> {
                    assertThat(entry.change().subjectId()).isEqualTo(review.id());
                    assertThat(entry.change().action()).isEqualTo("Ended review");
                    assertThat(entry.fields()).containsExactly(new AdministrationHistory.FieldChange("State",
                            "In progress", "Ended: " + reason));
                });
        // the others' reviews run on
        assertThat(reviews.runningReviewsOf(school.assistant().id())).hasSize(1);
    }

    @Test
    void someoneLeavingAtTheEndOfTermKeepsTheirReviewUntilTheirLastDayHasPassed() {
        LocalDate lastDay = LocalDate.now().plusWeeks(3);
        staff.markLeaver(school.school().id(), school.teacher().id(), lastDay);

        // they still work here, and can finish what is due before they go
        assertThat(driver.ended()).isFalse();
        assertThat(reviews.find(review.id()).orElseThrow().state()).isEqualTo(ReviewState.IN_PROGRESS);
        assertThat(leavers.endReviewsOfStaffWhoLeftBefore(lastDay)).isZero();
        assertThat(driver.ended()).isFalse();

        // the night after their last day (LeaversReviewsEnding runs every night)
        assertThat(leavers.endReviewsOfStaffWhoLeftBefore(lastDay.plusDays(1))).isEqualTo(1);
        assertThat(driver.ended()).isTrue();
        assertThat(reviews.endReason(review.id())).contains("Left the school on " + LONG_DATE.format(lastDay));
        assertThat(history.changes(school.school().id(), school.teacher().id(), null, 0, 20).entries())
                .anySatisfy(entry -> assertThat(entry.change().action()).isEqualTo("Ended review"));
        // a second run, or another node's, ends nothing twice; the others' reviews run on
        assertThat(leavers.endReviewsOfStaffWhoLeftBefore(lastDay.plusDays(1))).isZero();
        assertThat(reviews.runningReviewsOf(school.assistant().id())).hasSize(1);
    }
}

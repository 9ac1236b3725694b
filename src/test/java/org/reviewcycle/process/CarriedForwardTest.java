package org.reviewcycle.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reviewcycle.process.AnnualReviewCycleProcess.Elements.PLANNING_MEETING;
import static org.reviewcycle.support.ReviewDriver.values;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.reviewcycle.objective.ObjectiveService;
import org.reviewcycle.observation.Judgement;
import org.reviewcycle.observation.ObservationService;
import org.reviewcycle.review.FinalReviewDraft;
import org.reviewcycle.review.Outcome;
import org.reviewcycle.review.OutcomeEntry;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.EarlierYear;
import org.reviewcycle.support.ReviewDriver;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Objectives not met last year, and the CPD needs found then, are offered, read-only, in this
 * year's planning meeting (Task_PlanningMeeting).
 */
@SpringBootTest
class CarriedForwardTest {

    @Autowired CycleLauncher launcher;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired ReviewService reviews;
    @Autowired ObjectiveService objectives;
    @Autowired ObservationService observations;
    @Autowired TaskService tasks;
    @Autowired FormService forms;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;

    @Test
    void objectivesNotMetOrPartlyMetLastYearAreSuggestedAndMetOnesAreNot() {
        TestSchool school = TestSchool.create(schools, staff);
        EarlierYear.finishedReview(schools, reviews, objectives, school, school.teacher().id(), 2025,
                Outcome.MET, Outcome.PARTLY_MET, Outcome.NOT_MET);
        launcher.launch(school.cycle().id());

        Map<String, Object> form = planningMeetingOf(school, school.teacher());

        assertThat(form.get("carriedForwardYear")).isEqualTo("2025/26");
        assertThat(rows(form.get("carriedForward"))).containsExactly(
                Map.<String, Object>of("title", "Objective 2 of 2025/26", "successCriteria", "Criteria 2", "outcome", "Partly met",
                        "evidence", "Found at the final review: Partly met"),
                Map.<String, Object>of("title", "Objective 3 of 2025/26", "successCriteria", "Criteria 3", "outcome", "Not met",
                        "evidence", "Found at the final review: Not met"));
        // suggestions only: this year's objectives start empty, for the meeting to agree
        assertThat(rows(form.get("objectives"))).hasSize(1).allSatisfy(row -> assertThat(row).doesNotContainKey("title"));
    }

    @Test
    void cpdNeedsFoundAtLastYearsObservationsAndFinalReviewAreSuggested() {
        TestSchool school = TestSchool.create(schools, staff);
        EarlierYear.finishedReview(schools, reviews, objectives, school, school.assistant().id(), 2024, Outcome.MET);
        long lastYear = EarlierYear.finishedReview(schools, reviews, objectives, school, school.teacher().id(), 2025,
                Outcome.MET, Outcome.MET);
        observations.record(lastYear, school.leader().username(), LocalDate.of(2026, 3, 2), List.of(1),
                Judgement.GOOD, "Clear modelling", "Questioning", "Questioning to deepen reasoning");
        observations.record(lastYear, school.leader().username(), LocalDate.of(2025, 11, 10), List.of(),
                Judgement.REQUIRES_IMPROVEMENT, "Routines", "Pace", "Behaviour for learning: *routines*");
        observations.record(lastYear, school.leader().username(), LocalDate.of(2026, 1, 12), List.of(),
                Judgement.GOOD, "Feedback", "Plenary", null);
        // the final review returned and written again: its last round's needs count
        reviews.recordFinalReview(lastYear, new FinalReviewDraft(List.of(new OutcomeEntry(1, Outcome.MET, "Books"),
                new OutcomeEntry(2, Outcome.MET, "Books")), "Pupils", "Practice", "Colleagues", null, null,
                "Leading a phase team", null, null), false);
        launcher.launch(school.cycle().id());

        Map<String, Object> form = planningMeetingOf(school, school.teacher());

        assertThat(form.get("cpdNeedsYear")).isEqualTo("2025/26");
        assertThat(rows(form.get("cpdNeedsCarried"))).containsExactly(
                Map.<String, Object>of("foundIn", "Lesson observation, 10 Nov 2025", "need", "Behaviour for learning: *routines*"),
                Map.<String, Object>of("foundIn", "Lesson observation, 2 Mar 2026", "need", "Questioning to deepen reasoning"),
                Map.<String, Object>of("foundIn", "Final review 2025/26", "need", "Leading a phase team"));
        // someone whose earlier review found no needs gets none
        assertThat(rows(planningMeetingOf(school, school.assistant()).get("cpdNeedsCarried"))).isEmpty();
    }

    @Test
    void onlyThePreviousYearCountsAndSomeoneWithNoEarlierReviewGetsNoSuggestions() {
        TestSchool school = TestSchool.create(schools, staff);
        EarlierYear.finishedReview(schools, reviews, objectives, school, school.teacher().id(), 2024, Outcome.NOT_MET);
        EarlierYear.finishedReview(schools, reviews, objectives, school, school.teacher().id(), 2025,
                Outcome.MET, Outcome.MET);
        launcher.launch(school.cycle().id());

        Map<String, Object> teachers = planningMeetingOf(school, school.teacher());
        Map<String, Object> assistants = planningMeetingOf(school, school.assistant());

        assertThat(rows(teachers.get("carriedForward"))).isEmpty();
        assertThat(teachers.get("carriedForwardYear")).isEqualTo("");
        assertThat(rows(assistants.get("carriedForward"))).isEmpty();
    }

    @Test
    void aReviewAtAnotherSchoolOfTheTrustSuggestsNothingToTheNewSchool() {
        // the teacher's review last year was at another school (they have moved since): its objectives and
        // CPD needs belong to that school's record, which the new team leader may not read
        TestSchool school = TestSchool.create(schools, staff);
        TestSchool previousSchool = TestSchool.create(schools, staff);
        long lastYear = EarlierYear.finishedReview(schools, reviews, objectives, previousSchool, school.teacher().id(),
                2025, Outcome.NOT_MET);
        observations.record(lastYear, previousSchool.leader().username(), LocalDate.of(2026, 3, 2), List.of(1),
                Judgement.GOOD, "Clear modelling", "Questioning", "Questioning to deepen reasoning");
        launcher.launch(school.cycle().id());

        Map<String, Object> form = planningMeetingOf(school, school.teacher());

        assertThat(rows(form.get("carriedForward"))).isEmpty();
        assertThat(rows(form.get("cpdNeedsCarried"))).isEmpty();
    }

    private Map<String, Object> planningMeetingOf(TestSchool school, StaffMember reviewee) {
        var review = reviews.runningReviewsOf(reviewee.id()).stream()
                .filter(r -> r.cycleId().equals(school.cycle().id())).findFirst().orElseThrow();
        var driver = new ReviewDriver(tasks, forms, identity, management, runtime, staff, review.processInstanceId());
        driver.submit(reviewee.username(), values("strengths", "", "developmentWishes", "", "objectiveIdeas", ""));
        assertThat(driver.openTaskKey()).isEqualTo(PLANNING_MEETING);
        return driver.taskVariables();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Object json) {
        return (List<Map<String, Object>>) SubmittedFormAccess.list(json);
    }
}

package org.reviewcycle.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.reviewcycle.process.AnnualReviewCycleProcess.Elements.*;
import static org.reviewcycle.support.ReviewDriver.objective;
import static org.reviewcycle.support.ReviewDriver.objectives;
import static org.reviewcycle.support.ReviewDriver.values;

import java.util.List;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewcycle.objective.Decision;
import org.reviewcycle.objective.ObjectiveDecision;
import org.reviewcycle.objective.ObjectiveService;
import org.reviewcycle.objective.Response;
import org.reviewcycle.observation.ObservationService;
import org.reviewcycle.review.DisagreementSubject;
import org.reviewcycle.review.Review;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.review.ReviewState;
import org.reviewcycle.review.RevieweeSignOff;
import org.reviewcycle.review.SelfReview;
import org.reviewcycle.review.SelfReviewObjective;
import org.reviewcycle.review.SignOffDecision;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffCategory;
import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.ReviewDriver;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Each path through AnnualReviewCycle, driven as the people themselves, with our tables checked. */
@SpringBootTest
class AnnualReviewCycleProcessTest {

    @Autowired CycleLauncher launcher;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired ReviewService reviews;
    @Autowired ObjectiveService objectiveService;
    @Autowired ObservationService observations;
    @Autowired TaskService tasks;
    @Autowired FormService forms;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired org.camunda.bpm.engine.RepositoryService repository;
    @Autowired ProcessEngine processEngine;
    @Autowired ReviewProgress progress;

    TestSchool school;

    @BeforeEach
    void launchACycle() {
        school = TestSchool.create(schools, staff);
        launcher.launch(school.cycle().id());
    }

    ReviewDriver reviewOf(StaffMember member) {
        return new ReviewDriver(tasks, forms, identity, management, runtime, staff, review(member).processInstanceId());
    }

    Review review(StaffMember member) {
        return reviews.reviewsIn(school.cycle().id()).stream().filter(r -> r.staffId().equals(member.id()))
                .findFirst().orElseThrow();
    }

    void selfReflect(ReviewDriver review, StaffMember reviewee) {
        assertThat(review.openTaskKey()).isEqualTo(SELF_REFLECTION);
        review.submit(reviewee.username(), values("strengths", "Building relationships with pupils",
                "developmentWishes", "Teaching extended writing", "objectiveIdeas", "Something on writing"));
    }

    void plan(ReviewDriver review) {
        assertThat(review.openTaskKey()).isEqualTo(PLANNING_MEETING);
        review.submit(school.leader().username(), values("objectives", objectives(
                objective("Use the school writing process across the curriculum", "W1", false),
                objective("Develop pupils' reasoning in maths lessons", "M1", false))));
    }

    void headDecides(ReviewDriver review, String decision, String reason) {
        assertThat(review.openTaskKey()).isEqualTo(APPROVE_OBJECTIVES);
        review.submit(school.head().username(), values("decision", decision, "returnReason", reason));
    }

    void acknowledge(ReviewDriver review, StaffMember reviewee, String response, String reason) {
        assertThat(review.openTaskKey()).isEqualTo(ACKNOWLEDGE_OBJECTIVES);
        review.submit(reviewee.username(), values("response", response, "disagreementReason", reason));
    }

    /** The reviewee's review with its objectives approved and answered: acknowledged, or disagreed with. */
    ReviewDriver objectivesApprovedAnd(StaffMember reviewee, String response, String reason) {
        var review = reviewOf(reviewee);
        selfReflect(review, reviewee);
        plan(review);
        headDecides(review, "APPROVE", null);
        acknowledge(review, reviewee, response, reason);
        return review;
    }

    void midYear(ReviewDriver review, String firstTitle) {
        assertThat(review.openTaskKey()).isNull();
        review.fireTimer();
        assertThat(review.openTaskKey()).isEqualTo(MID_YEAR_CHECK);
        @SuppressWarnings("unchecked")
        var progress = (List<java.util.Map<String, Object>>) SubmittedFormAccess.list(review.taskVariables().get("progress"));
        progress.get(0).put("title", firstTitle);
        progress.forEach(p -> p.put("status", "ON_TRACK"));
        review.submit(school.leader().username(), values("progress", ReviewDriver.json(progress),
                "overallNote", "Good progress so far"));
    }

    void observe(ReviewDriver review) {
        assertThat(review.openTaskKey()).isEqualTo(LESSON_OBSERVATION);
        review.submit(school.leader().username(), values("observationDate", "2026-11-10",
                "focusObjectives", ReviewDriver.json(List.of("1")), "judgement", "GOOD",
                "strengths", "Clear modelling of the writing process", "areasToDevelop", "Pace of the plenary",
                "cpdNeeds", "Questioning"));
    }

    /** The final reviews open (the timer): the reviewee writes their self-review first. */
    void selfReview(ReviewDriver review) {
        review.fireTimer();
        assertThat(review.openTaskKey()).isEqualTo(SELF_REVIEW);
        @SuppressWarnings("unchecked")
        var entries = (List<java.util.Map<String, Object>>) SubmittedFormAccess.list(review.taskVariables().get("selfReview"));
        entries.forEach(e -> {
            e.put("achieved", "Most of the class now write at length: objective " + e.get("position"));
            e.put("evidence", "Books from the autumn and summer terms");
        });
        review.submit(review.openTask().getAssignee(), values("selfReview", ReviewDriver.json(entries),
                "overall", "A year in which my teaching of writing changed"));
    }

    void finalReview(ReviewDriver review, boolean teacher) {
        selfReview(review);
        holdFinalReview(review, teacher);
    }

    void holdFinalReview(ReviewDriver review, boolean teacher) {
        assertThat(review.openTaskKey()).isEqualTo(FINAL_REVIEW);
        @SuppressWarnings("unchecked")
        var outcomes = (List<java.util.Map<String, Object>>) SubmittedFormAccess.list(review.taskVariables().get("outcomes"));
        outcomes.forEach(o -> {
            o.put("outcome", "MET");
            o.put("evidence", "Moderated books show the target reached");
        });
        var submitted = values("outcomes", ReviewDriver.json(outcomes), "impactOnPupils", "More pupils write at length",
                "impactOnPractice", "Planning now builds in extended writing",
                "impactOnColleagues", "Shared the approach at a staff meeting", "cpdUndertaken", "Two network sessions",
                "cpdImpact", "Better feedback on writing", "developmentNeeds", "Leading a phase team");
        if (teacher) {
            submitted.put("payRecommendation", "PROGRESS");
            submitted.put("payReason", "All objectives met");
        }
        review.submit(school.leader().username(), submitted);
    }

    void revieweeSigns(ReviewDriver review, StaffMember reviewee) {
        assertThat(review.openTaskKey()).isEqualTo(REVIEWEE_SIGN_OFF);
        review.submit(reviewee.username(), values("revieweeComments", "A fair review", "confirmRead", true));
    }

    void headSigns(ReviewDriver review, String decision, String reason) {
        assertThat(review.openTaskKey()).isEqualTo(HEAD_SIGN_OFF);
        review.submit(school.head().username(), values("decision", decision, "returnReason", reason,
                "moderationNote", "Consistent with the phase"));
    }

    @Test
    void aTeachersReviewGoesStraightThrough() {
        var review = reviewOf(school.teacher());
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceId(review(school.teacher()).processInstanceId()).singleResult();
        selfReflect(review, school.teacher());
        plan(review);
        headDecides(review, "APPROVE", null);
        acknowledge(review, school.teacher(), "ACKNOWLEDGE", null);
        midYear(review, "Use the school writing process across the curriculum");
        observe(review);
        observe(review);
        finalReview(review, true);
        revieweeSigns(review, school.teacher());
        headSigns(review, "SIGN_OFF", null);

        assertThat(review.ended()).isTrue();
        BpmnAwareTests.init(processEngine);
        BpmnAwareTests.assertThat(instance).isEnded().hasPassedInOrder(START, SELF_REFLECTION,
                PLANNING_MEETING, APPROVE_OBJECTIVES, ACKNOWLEDGE_OBJECTIVES, MID_YEAR_REACHED, MID_YEAR_CHECK,
                DECIDE_REVIEW_PLAN, LESSON_OBSERVATION, FINAL_REVIEW_REACHED, SELF_REVIEW, FINAL_REVIEW, REVIEWEE_SIGN_OFF, HEAD_SIGN_OFF,
                REVIEW_COMPLETE);
        BpmnAwareTests.assertThat(instance).hasNotPassed(RESPOND_TO_OBJECTIVES_DISAGREEMENT, RESPOND_TO_FINAL_REVIEW_DISAGREEMENT,
                SELF_REVIEW_NOT_WRITTEN);
        long reviewId = review(school.teacher()).id();
        assertThat(reviews.find(reviewId).orElseThrow().state()).isEqualTo(ReviewState.COMPLETE);
        assertThat(reviews.selfReflection(reviewId)).isPresent();
        assertThat(objectiveService.currentObjectives(reviewId)).hasSize(2);
        assertThat(objectiveService.decisions(reviewId)).extracting(ObjectiveDecision::decision).containsExactly(Decision.APPROVED);
        assertThat(objectiveService.decisions(reviewId).get(0).decidedBy()).isEqualTo(school.head().username());
        assertThat(reviews.midYearProgress(reviewId)).hasSize(2);
        assertThat(observations.observationsOf(reviewId)).hasSize(2);
        var finalReview = reviews.finalReview(reviewId).orElseThrow();
        assertThat(finalReview.payRecommendation()).isNotNull();
        assertThat(reviews.outcomes(finalReview.id())).hasSize(2);
        assertThat(reviews.revieweeSignOff(reviewId)).get().satisfies(s -> assertThat(s.disagrees()).isFalse());
        assertThat(reviews.selfReview(reviewId)).get().extracting(SelfReview::overall)
                .isEqualTo("A year in which my teaching of writing changed");
        assertThat(reviews.disagreements(reviewId)).isEmpty();
        assertThat(reviews.finalReviewDecisions(reviewId)).singleElement()
                .satisfies(d -> assertThat(d.decision()).isEqualTo(SignOffDecision.SIGNED_OFF));
    }

    @Test
    void theHeadsTasksGoStraightToTheSchoolsHeadWithoutAClaim() {
        var review = reviewOf(school.assistant());
        selfReflect(review, school.assistant());
        plan(review);
        assertAssignedToTheHeadOnly(review.openTask());
        headDecides(review, "APPROVE", null);
        acknowledge(review, school.assistant(), "ACKNOWLEDGE", null);
        midYear(review, "Use the school writing process across the curriculum");
        finalReview(review, false);
        revieweeSigns(review, school.assistant());
        assertThat(review.openTaskKey()).isEqualTo(HEAD_SIGN_OFF);
        assertAssignedToTheHeadOnly(review.openTask());
        // as Tasklist's "My tasks" asks: assigned to the head, so no Claim button
        identity.setAuthentication(school.head().username(), staff.groupIdsOf(school.head().username()), staff.tenantIdsOf(school.head().username()));
        try {
            assertThat(tasks.createTaskQuery().taskAssignee(school.head().username()).listPage(0, 10))
                    .extracting(Task::getId).containsExactly(review.openTask().getId());
        } finally {
            identity.clearAuthentication();
        }
    }

    void assertAssignedToTheHeadOnly(Task task) {
        assertThat(task.getAssignee()).isEqualTo(school.head().username());
        assertThat(tasks.getIdentityLinksForTask(task.getId()))
                .noneMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()));
    }

    @Test
    void aSchoolWithTwoHeadsOffersTheHeadsTaskToBothToClaim() {
        var coHead = staff.addStaffMember(new StaffMember(null, school.school().id(), "cohead." + school.school().code(),
                "Cora", "Head", "cohead@example.org", "Co-headteacher", StaffCategory.HEADTEACHER, true, false, null), "demo");
        var review = reviewOf(school.assistant());
        selfReflect(review, school.assistant());
        plan(review);

        Task task = review.openTask();
        assertThat(task.getAssignee()).isNull();
        assertThat(tasks.getIdentityLinksForTask(task.getId())).singleElement()
                .satisfies(link -> assertThat(link.getGroupId()).isEqualTo(school.headGroup()));
        for (StaffMember head : List.of(school.head(), coHead)) {
            assertThat(tasks.createTaskQuery().taskId(task.getId()).taskCandidateUser(head.username()).count())
                    .as(head.username() + " may claim it").isOne();
        }
        review.submit(coHead.username(), values("decision", "APPROVE"));
        assertThat(objectiveService.decisions(review(school.assistant()).id()).get(0).decidedBy())
                .isEqualTo(coHead.username());
    }

    @Test
    void aSchoolWhoseHeadHasLeftOffersTheHeadsTaskToTheHeadsGroup() {
        var review = reviewOf(school.assistant());
        selfReflect(review, school.assistant());
        staff.setActive(school.head().id(), false);
        plan(review);

        Task task = review.openTask();
        assertThat(task.getTaskDefinitionKey()).isEqualTo(APPROVE_OBJECTIVES);
        assertThat(task.getAssignee()).isNull();
        assertThat(tasks.getIdentityLinksForTask(task.getId())).singleElement()
                .satisfies(link -> assertThat(link.getGroupId()).isEqualTo(school.headGroup()));
    }

    @Test
    void everyTaskNameSaysWhoseReviewItIsAndWhichObservation() {
        var teachers = reviewOf(school.teacher());
        String teacher = school.teacher().fullName();
        assertThat(teachers.openTask().getName()).isEqualTo("Reflect before the planning meeting: " + teacher);
        selfReflect(teachers, school.teacher());
        assertThat(teachers.openTask().getName()).isEqualTo("Hold the planning meeting: " + teacher);
        plan(teachers);
        assertThat(teachers.openTask().getName()).isEqualTo("Approve or return the objectives: " + teacher);
        headDecides(teachers, "APPROVE", null);
        acknowledge(teachers, school.teacher(), "ACKNOWLEDGE", null);
        midYear(teachers, "Use the school writing process across the curriculum");
        // a teacher on the main pay range has two observations (ReviewPlan)
        assertThat(teachers.openTask().getName()).isEqualTo("Observe a lesson 1 of 2: " + teacher);
        observe(teachers);
        assertThat(teachers.openTask().getName()).isEqualTo("Observe a lesson 2 of 2: " + teacher);
        assertThat(teachers.taskVariables()).containsEntry("observationNumber", 2).containsEntry("observationCount", 2);

        // the deputy has one: no number where there is nothing to tell apart
        var deputys = reviewOf(school.leader());
        deputys.submit(school.leader().username(), values("strengths", "Leading the key stage 2 team"));
        deputys.submit(school.head().username(), values("objectives", objectives(
                objective("Lead the key stage 2 team's work on writing", "W1", false))));
        headDecides(deputys, "APPROVE", null);
        acknowledge(deputys, school.leader(), "ACKNOWLEDGE", null);
        deputys.fireTimer();
        @SuppressWarnings("unchecked")
        var progress = (List<java.util.Map<String, Object>>) SubmittedFormAccess.list(deputys.taskVariables().get("progress"));
        progress.forEach(p -> p.put("status", "ON_TRACK"));
        deputys.submit(school.head().username(), values("progress", ReviewDriver.json(progress)));
        assertThat(deputys.openTask().getName()).isEqualTo("Observe a lesson: " + school.leader().fullName());
        assertThat(deputys.openTask().getAssignee()).isEqualTo(school.head().username());
    }

    @Test
    void anObservationDateInTheFutureIsRefusedSayingWhy() {
        var review = objectivesApprovedAnd(school.teacher(), "ACKNOWLEDGE", null);
        midYear(review, "Use the school writing process across the curriculum");
        String nextWeek = java.time.LocalDate.now().plusWeeks(1).toString();

        assertThatThrownBy(() -> review.submit(school.leader().username(), values("observationDate", nextWeek,
                "judgement", "GOOD", "strengths", "Clear modelling", "areasToDevelop", "Pace")))
                .hasMessageContaining("The observation date cannot be in the future: the lesson must have been observed.");
        assertThat(review.openTaskKey()).isEqualTo(LESSON_OBSERVATION);
        assertThat(observations.observationsOf(review(school.teacher()).id())).isEmpty();
    }

    @Test
    void theFinalReviewShowsEachObjectivesSuccessCriteriaBesideItsOutcome() {
        var review = objectivesApprovedAnd(school.assistant(), "ACKNOWLEDGE", null);
        midYear(review, "Use the school writing process across the curriculum");
        selfReview(review);

        assertThat(review.openTaskKey()).isEqualTo(FINAL_REVIEW);
        var outcomes = SubmittedFormAccess.list(review.taskVariables().get("outcomes"));
        assertThat(outcomes).hasSize(2).allSatisfy(outcome -> {
            @SuppressWarnings("unchecked")
            var fields = (java.util.Map<String, Object>) outcome;
            assertThat(fields).containsEntry("successCriteria", "Scrutiny shows most pupils reach their writing targets")
                    .containsKeys("position", "title", "outcome", "evidence");
        });
    }

    @Test
    void theHeadReturnsTheObjectivesTwiceThenApproves() {
        var review = reviewOf(school.teacher());
        selfReflect(review, school.teacher());
        plan(review);
        headDecides(review, "RETURN", "Objective 2 needs a measurable success criterion");
        assertThat(review.taskVariables()).containsEntry("returnReason", "Objective 2 needs a measurable success criterion");
        plan(review);
        headDecides(review, "RETURN", "Link objective 1 to the writing target");
        plan(review);
        headDecides(review, "APPROVE", null);
        assertThat(review.openTaskKey()).isEqualTo(ACKNOWLEDGE_OBJECTIVES);

        long reviewId = review(school.teacher()).id();
        assertThat(objectiveService.decisions(reviewId)).extracting(ObjectiveDecision::decision)
                .containsExactly(Decision.RETURNED, Decision.RETURNED, Decision.APPROVED);
        assertThat(objectiveService.decisions(reviewId)).extracting(ObjectiveDecision::round).containsExactly(1, 2, 3);
        assertThat(objectiveService.decisions(reviewId).get(1).reason()).isEqualTo("Link objective 1 to the writing target");
    }

    @Test
    void aDisagreementWithTheObjectivesGoesToTheHeadAtOnceNamedForThePersonAndTheirAnswerIsKept() {
        var review = objectivesApprovedAnd(school.teacher(), "DISAGREE", "Objective 2 is outside my year group");
        long reviewId = review(school.teacher()).id();
        assertThat(objectiveService.responses(reviewId)).singleElement()
                .satisfies(r -> assertThat(r.response()).isEqualTo(Response.DISAGREED));

        assertThat(review.openTaskKey()).isEqualTo(RESPOND_TO_OBJECTIVES_DISAGREEMENT);
        assertThat(review.openTask().getName())
                .isEqualTo("Respond to " + school.teacher().fullName() + "'s disagreement with the objectives");
        assertAssignedToTheHeadOnly(review.openTask());
        assertThat(review.taskVariables()).containsEntry("disagreementReason", "Objective 2 is outside my year group");
        assertThat(SubmittedFormAccess.list(review.taskVariables().get("objectivesTable"))).hasSize(2);
        assertThat(reviews.disagreements(reviewId)).singleElement().satisfies(d -> assertThat(d.answered()).isFalse());

        review.submit(school.head().username(), values("objectivesDecision", "STAND",
                "headResponse", "Year 5 writing is a whole-school priority; we will plan it together"));

        assertThat(review.openTaskKey()).isNull(); // waiting for the mid-year check
        assertThat(reviews.disagreements(reviewId)).singleElement().satisfies(d -> {
            assertThat(d.subject()).isEqualTo(DisagreementSubject.OBJECTIVES);
            assertThat(d.round()).isEqualTo(1);
            assertThat(d.reason()).isEqualTo("Objective 2 is outside my year group");
            assertThat(d.raisedBy()).isEqualTo(school.teacher().username());
            assertThat(d.raisedByName()).isEqualTo(school.teacher().fullName());
            assertThat(d.raisedAt()).isNotNull();
            assertThat(d.response()).isEqualTo("Year 5 writing is a whole-school priority; we will plan it together");
            assertThat(d.objectivesStand()).isTrue();
            assertThat(d.answeredBy()).isEqualTo(school.head().username());
            assertThat(d.answeredByName()).isEqualTo(school.head().fullName());
            assertThat(d.answeredAt()).isNotNull();
        });
        assertThat(review.variable(AnnualReviewCycleProcess.Variables.OBJECTIVES_DISAGREED)).isEqualTo(true);

        // the head still sees the disagreement when changed objectives come back at mid-year
        midYear(review, "Use the school writing process across all subjects");
        assertThat(review.openTaskKey()).isEqualTo(APPROVE_OBJECTIVES);
        assertThat(review.taskVariables().get("disagreement").toString()).contains("outside my year group");
    }

    @Test
    void theHeadSendsDisputedObjectivesBackToThePlanningMeetingWhichShowsWhy() {
        var review = objectivesApprovedAnd(school.teacher(), "DISAGREE", "Two objectives on writing and none on maths");
        review.submit(school.head().username(), values("objectivesDecision", "PLANNING_MEETING",
                "headResponse", "Agreed: replace one with a maths objective"));

        assertThat(review.openTaskKey()).isEqualTo(PLANNING_MEETING);
        assertThat(review.openTask().getAssignee()).isEqualTo(school.leader().username());
        assertThat(review.taskVariables().get("reopenedText").toString())
                .contains(FormText.literal("Two objectives on writing and none on maths"))
                .contains(FormText.literal("Agreed: replace one with a maths objective"));
        plan(review);
        assertThat(review.openTaskKey()).isEqualTo(APPROVE_OBJECTIVES);
        headDecides(review, "APPROVE", null);
        acknowledge(review, school.teacher(), "ACKNOWLEDGE", null);
        assertThat(review.openTaskKey()).isNull();

        long reviewId = review(school.teacher()).id();
        assertThat(objectiveService.currentObjectives(reviewId)).allSatisfy(o -> assertThat(o.round()).isEqualTo(2));
        assertThat(reviews.disagreements(reviewId)).singleElement().satisfies(d -> {
            assertThat(d.round()).isEqualTo(1);
            assertThat(d.objectivesStand()).isFalse();
        });
    }

    @Test
    void aDisagreementWithTheFinalReviewGoesToTheHeadBeforeTheSignOff() {
        var review = objectivesApprovedAnd(school.assistant(), "ACKNOWLEDGE", null);
        midYear(review, "Use the school writing process across the curriculum");
        finalReview(review, false);
        assertThat(review.openTaskKey()).isEqualTo(REVIEWEE_SIGN_OFF);
        review.submit(school.assistant().username(), values("revieweeComments", "I do not recognise objective 2's outcome",
                "disagree", true, "disagreementReason", "Objective 2 was met: the tracker shows it", "confirmRead", true));

        assertThat(review.openTaskKey()).isEqualTo(RESPOND_TO_FINAL_REVIEW_DISAGREEMENT);
        assertThat(review.openTask().getName())
                .isEqualTo("Respond to " + school.assistant().fullName() + "'s disagreement with the final review");
        assertAssignedToTheHeadOnly(review.openTask());
        // shown in a text component: people's words stay words (FormText)
        assertThat(review.taskVariables()).containsEntry("disagreementReason",
                        FormText.literal("Objective 2 was met: the tracker shows it"))
                .containsEntry("revieweeCommentsText", "I do not recognise objective 2's outcome");
        assertThat(SubmittedFormAccess.list(review.taskVariables().get("outcomesTable"))).hasSize(2);

        review.submit(school.head().username(), values("headResponse", "I will look at the tracker with you both"));
        assertThat(review.openTaskKey()).isEqualTo(HEAD_SIGN_OFF);
        headSigns(review, "SIGN_OFF", null);
        assertThat(review.ended()).isTrue();

        long reviewId = review(school.assistant()).id();
        assertThat(reviews.revieweeSignOff(reviewId)).get().extracting(RevieweeSignOff::disagreementReason)
                .isEqualTo("Objective 2 was met: the tracker shows it");
        assertThat(reviews.disagreements(reviewId)).singleElement().satisfies(d -> {
            assertThat(d.subject()).isEqualTo(DisagreementSubject.FINAL_REVIEW);
            assertThat(d.reason()).isEqualTo("Objective 2 was met: the tracker shows it");
            assertThat(d.response()).isEqualTo("I will look at the tracker with you both");
            assertThat(d.objectivesStand()).isNull();
            assertThat(d.answeredBy()).isEqualTo(school.head().username());
        });
    }

    @Test
    void aDisagreementWithoutAReasonOrAnAnswerWithoutAResponseIsRefusedAndNothingIsWritten() {
        var review = reviewOf(school.teacher());
        selfReflect(review, school.teacher());
        plan(review);
        headDecides(review, "APPROVE", null);
        assertThatThrownBy(() -> acknowledge(review, school.teacher(), "DISAGREE", " "))
                .hasMessageContaining("Reason for disagreeing");
        acknowledge(review, school.teacher(), "DISAGREE", "Too many objectives");
        long reviewId = review(school.teacher()).id();

        assertThatThrownBy(() -> review.submit(school.head().username(), values("objectivesDecision", "STAND",
                "headResponse", "")))
                .hasMessageContaining("Your response");
        assertThatThrownBy(() -> review.submit(school.head().username(), values("objectivesDecision", "MAYBE",
                "headResponse", "Fine")))
                .hasMessageContaining("Decision");
        assertThat(review.openTaskKey()).isEqualTo(RESPOND_TO_OBJECTIVES_DISAGREEMENT);
        assertThat(reviews.disagreements(reviewId)).singleElement().satisfies(d -> assertThat(d.answered()).isFalse());
    }

    @Test
    void onlyTheSchoolsHeadSeesAndAnswersTheDisagreement() {
        var review = objectivesApprovedAnd(school.teacher(), "DISAGREE", "Objective 2 is outside my year group");
        String taskId = review.openTask().getId();
        long reviewId = review(school.teacher()).id();
        TestSchool otherSchool = TestSchool.create(schools, staff);

        for (StaffMember wrongPerson : List.of(otherSchool.head(), school.teacher(), school.leader(), school.assistant(),
                otherSchool.teacher())) {
            identity.setAuthentication(wrongPerson.username(), staff.groupIdsOf(wrongPerson.username()),
                    staff.tenantIdsOf(wrongPerson.username()));
            try {
                assertThat(tasks.createTaskQuery().taskId(taskId).count()).as(wrongPerson.username() + " sees it").isZero();
                assertThatThrownBy(() -> forms.submitTaskForm(taskId, values("objectivesDecision", "PLANNING_MEETING",
                        "headResponse", "Answered by the wrong person")))
                        .as(wrongPerson.username() + " answers it").isInstanceOf(org.camunda.bpm.engine.ProcessEngineException.class);
                assertThatThrownBy(() -> tasks.getVariables(taskId)).as(wrongPerson.username() + " reads it")
                        .isInstanceOf(org.camunda.bpm.engine.ProcessEngineException.class);
            } finally {
                identity.clearAuthentication();
            }
        }
        assertThat(review.openTaskKey()).isEqualTo(RESPOND_TO_OBJECTIVES_DISAGREEMENT);
        assertThat(reviews.disagreements(reviewId)).singleElement().satisfies(d -> assertThat(d.answered()).isFalse());

        identity.setAuthentication(school.head().username(), staff.groupIdsOf(school.head().username()),
                staff.tenantIdsOf(school.head().username()));
        try {
            assertThat(tasks.createTaskQuery().taskId(taskId).count()).isOne();
        } finally {
            identity.clearAuthentication();
        }
    }

    @Test
    void theSelfReviewComesBeforeTheFinalReviewWhoseFormShowsIt() {
        var review = objectivesApprovedAnd(school.assistant(), "ACKNOWLEDGE", null);
        midYear(review, "Use the school writing process across the curriculum");
        review.fireTimer();

        assertThat(review.openTaskKey()).isEqualTo(SELF_REVIEW);
        assertThat(review.openTask().getAssignee()).isEqualTo(school.assistant().username());
        assertThat(review.openTask().getName()).isEqualTo("Write your self-review: " + school.assistant().fullName());
        assertThat(SubmittedFormAccess.list(review.taskVariables().get("midYearTable"))).hasSize(2);
        @SuppressWarnings("unchecked")
        var entries = (List<java.util.Map<String, Object>>) SubmittedFormAccess.list(review.taskVariables().get("selfReview"));
        assertThat(entries).extracting(e -> e.get("position")).containsExactly(1, 2);
        assertThat(entries.get(0)).containsEntry("successCriteria", "Scrutiny shows most pupils reach their writing targets");

        // each objective needs what was achieved; nothing is written until it is all there
        entries.get(0).put("achieved", "Ran the writing group every week");
        assertThatThrownBy(() -> review.submit(school.assistant().username(),
                values("selfReview", ReviewDriver.json(entries), "overall", "")))
                .hasMessageContaining("Objective 2: what you achieved");
        long reviewId = review(school.assistant()).id();
        assertThat(reviews.selfReview(reviewId)).isEmpty();

        entries.get(1).put("achieved", "Used the reasoning prompts in every maths group");
        entries.get(1).put("evidence", "Pupils' maths books");
        review.submit(school.assistant().username(), values("selfReview", ReviewDriver.json(entries),
                "overall", "I have grown in confidence *leading* groups"));

        assertThat(review.openTaskKey()).isEqualTo(FINAL_REVIEW);
        assertThat(reviews.selfReviewObjectives(reviewId)).extracting(SelfReviewObjective::position,
                SelfReviewObjective::achieved, SelfReviewObjective::evidence).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "Ran the writing group every week", null),
                org.assertj.core.groups.Tuple.tuple(2, "Used the reasoning prompts in every maths group", "Pupils' maths books"));
        @SuppressWarnings("unchecked")
        var shown = (List<java.util.Map<String, Object>>) SubmittedFormAccess.list(review.taskVariables().get("selfReviewTable"));
        assertThat(shown).extracting(r -> r.get("achieved")).containsExactly("Ran the writing group every week",
                "Used the reasoning prompts in every maths group");
        // people's words stay words in a text component: the asterisks are not emphasis
        assertThat(review.taskVariables().get("selfReviewOverallText").toString())
                .isEqualTo(FormText.literal("I have grown in confidence *leading* groups"));
        assertThat(review.taskVariables()).containsEntry(FinalReviewListener.SELF_REVIEW_NOT_WRITTEN, false);
        // written in time: the self-review's timer went with its task
        assertThat(management.createJobQuery().processInstanceId(review(school.assistant()).processInstanceId())
                .activityId(SELF_REVIEW_NOT_WRITTEN).count()).isZero();
        // the variables the submission carried are off the process: it keeps ids and decisions only
        assertThat(review.variable("selfReview")).isNull();
        assertThat(review.variable("overall")).isNull();
    }

    @Test
    void aSelfReviewNotWrittenByItsDueDateDoesNotHoldUpTheFinalReview() {
        var review = objectivesApprovedAnd(school.assistant(), "ACKNOWLEDGE", null);
        midYear(review, "Use the school writing process across the curriculum");
        review.fireTimer();
        assertThat(review.openTaskKey()).isEqualTo(SELF_REVIEW);
        Task selfReview = review.openTask();
        String instanceId = review(school.assistant()).processInstanceId();
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(instanceId).singleResult();
        // the timer on the self-review fires on the self-review's due date, a week after the final reviews open
        var timer = AnnualReviewCycleProcess.waitingTimer(management, instanceId);
        assertThat(management.createJobDefinitionQuery().jobDefinitionId(timer.getJobDefinitionId()).singleResult()
                .getActivityId()).isEqualTo(SELF_REVIEW_NOT_WRITTEN);
        assertThat(selfReview.getDueDate().getTime()).isEqualTo(java.sql.Timestamp.valueOf("2027-06-21 17:00:00").getTime());
        assertThat(timer.getDuedate().getTime()).isEqualTo(selfReview.getDueDate().getTime());
        // it is the self-review's deadline, not a date an admin brings forward: that would skip the self-review
        long reviewId = review(school.assistant()).id();
        assertThatThrownBy(() -> progress.bringForward(reviewId)).isInstanceOf(IllegalStateException.class)
                .hasMessage("This review is not waiting for a date");
        assertThat(review.openTaskKey()).isEqualTo(SELF_REVIEW);

        // the due date comes and the member of staff (away, say) has written nothing
        review.fireTimer();

        assertThat(review.openTaskKey()).isEqualTo(FINAL_REVIEW);
        assertThat(review.taskVariables()).containsEntry(FinalReviewListener.SELF_REVIEW_NOT_WRITTEN, true)
                .containsEntry("selfReviewOverallText", "");
        assertThat(SubmittedFormAccess.list(review.taskVariables().get("selfReviewTable"))).isEmpty();
        assertThat(tasks.createTaskQuery().taskId(selfReview.getId()).count()).isZero();
        holdFinalReview(review, false);
        revieweeSigns(review, school.assistant());
        headSigns(review, "SIGN_OFF", null);

        assertThat(review.ended()).isTrue();
        BpmnAwareTests.init(processEngine);
        BpmnAwareTests.assertThat(instance).isEnded().hasPassedInOrder(FINAL_REVIEW_REACHED, SELF_REVIEW,
                SELF_REVIEW_NOT_WRITTEN, FINAL_REVIEW, REVIEWEE_SIGN_OFF, HEAD_SIGN_OFF, REVIEW_COMPLETE);
        assertThat(reviews.selfReview(reviewId)).isEmpty();
        assertThat(reviews.finalReview(reviewId)).isPresent();
        assertThat(reviews.find(reviewId).orElseThrow().state()).isEqualTo(ReviewState.COMPLETE);
    }

    @Test
    void anObjectiveChangedAtMidYearGoesBackToTheHead() {
        var review = objectivesApprovedAnd(school.teacher(), "ACKNOWLEDGE", null);
        midYear(review, "Use the school writing process in science and history");
        assertThat(review.openTaskKey()).isEqualTo(APPROVE_OBJECTIVES);
        assertThat(review.taskVariables()).containsEntry("changedAtMidYear", true);
        headDecides(review, "APPROVE", null);
        acknowledge(review, school.teacher(), "ACKNOWLEDGE", null);
        assertThat(review.openTaskKey()).isEqualTo(LESSON_OBSERVATION);

        long reviewId = review(school.teacher()).id();
        assertThat(objectiveService.currentObjectives(reviewId).get(0).title())
                .isEqualTo("Use the school writing process in science and history");
        assertThat(objectiveService.decisions(reviewId)).extracting(ObjectiveDecision::round).containsExactly(1, 2);
    }

    @Test
    void aSupportStaffReviewHasNoObservationAndNoPayRecommendation() {
        var review = objectivesApprovedAnd(school.assistant(), "ACKNOWLEDGE", null);
        midYear(review, "Use the school writing process across the curriculum");
        assertThat(review.openTaskKey()).isNull();
        assertThat(review.variable("observationCount")).isEqualTo(0);
        finalReview(review, false);
        revieweeSigns(review, school.assistant());
        headSigns(review, "SIGN_OFF", null);
        assertThat(review.ended()).isTrue();

        long reviewId = review(school.assistant()).id();
        assertThat(observations.observationsOf(reviewId)).isEmpty();
        assertThat(reviews.finalReview(reviewId).orElseThrow().payRecommendation()).isNull();
    }

    @Test
    void theReviewPlanAsAnAdminChangesItDecidesWhetherAPayRecommendationIsMade() throws Exception {
        // An admin edits ReviewPlan so that support staff get a pay recommendation too (their pay
        // progression, say): the final review now asks for one and records it.
        String plan = new String(getClass().getResourceAsStream("/ReviewPlan.dmn").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        String edited = plan.replaceFirst("(<outputEntry id=\"OutputEntry_SupportStaffPay\">\\s*<text>)false", "$1true");
        assertThat(edited).isNotEqualTo(plan);
        // for the admin's own school: each school runs its own deployment of the cycle (its tenant)
        var withNewPlan = TestSchool.create(schools, staff);
        var deployment = repository.createDeployment().name("ReviewPlan with pay for support staff")
                .tenantId(withNewPlan.school().code()).addString("ReviewPlan.dmn", edited).deploy();
        try {
            launcher.launch(withNewPlan.cycle().id());
            school = withNewPlan;
            var review = reviewOf(school.assistant());
            selfReflect(review, school.assistant());
            plan(review);
            headDecides(review, "APPROVE", null);
            acknowledge(review, school.assistant(), "ACKNOWLEDGE", null);
            midYear(review, "Use the school writing process across the curriculum");
            // the plan is decided once the objectives are settled, from the school's own ReviewPlan
            assertThat(review.variable(AnnualReviewCycleProcess.Variables.PAY_RECOMMENDATION_DUE)).isEqualTo(true);
            finalReview(review, true);

            assertThat(review.openTaskKey()).isEqualTo(REVIEWEE_SIGN_OFF);
            assertThat(reviews.finalReview(review(school.assistant()).id()).orElseThrow().payRecommendation())
                    .isEqualTo(org.reviewcycle.review.PayRecommendation.PROGRESS);
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void theHeadReturnsTheFinalReview() {
        var review = objectivesApprovedAnd(school.assistant(), "ACKNOWLEDGE", null);
        midYear(review, "Use the school writing process across the curriculum");
        finalReview(review, false);
        revieweeSigns(review, school.assistant());
        headSigns(review, "RETURN", "Say what the impact on pupils was in numbers");
        assertThat(review.openTaskKey()).isEqualTo(FINAL_REVIEW);
        assertThat(review.taskVariables()).containsEntry("returnReason", "Say what the impact on pupils was in numbers");

        // The team leader writes it again; the reviewee signs again; the head signs off.
        var outcomes = SubmittedFormAccess.list(review.taskVariables().get("outcomes"));
        assertThat(outcomes).hasSize(2);
        finalReviewAgain(review);
        revieweeSigns(review, school.assistant());
        headSigns(review, "SIGN_OFF", null);
        assertThat(review.ended()).isTrue();

        long reviewId = review(school.assistant()).id();
        assertThat(reviews.finalReview(reviewId).orElseThrow().round()).isEqualTo(2);
        assertThat(reviews.finalReviewDecisions(reviewId)).extracting(d -> d.decision())
                .containsExactly(SignOffDecision.RETURNED, SignOffDecision.SIGNED_OFF);
        assertThat(reviews.find(reviewId).orElseThrow().state()).isEqualTo(ReviewState.COMPLETE);
    }

    /** The final review again after a return: the timer has fired already, so no timer now. */
    void finalReviewAgain(ReviewDriver review) {
        assertThat(review.openTaskKey()).isEqualTo(FINAL_REVIEW);
        @SuppressWarnings("unchecked")
        var outcomes = (List<java.util.Map<String, Object>>) SubmittedFormAccess.list(review.taskVariables().get("outcomes"));
        outcomes.forEach(o -> {
            o.put("outcome", "PARTLY_MET");
            o.put("evidence", "Tracking shows 82% of the group at expected progress");
        });
        review.submit(school.leader().username(), values("outcomes", ReviewDriver.json(outcomes),
                "impactOnPupils", "82% of the intervention group reached expected progress (from 60%)",
                "impactOnPractice", "Groups are planned from the tracker", "impactOnColleagues", "Shared the tracker use"));
    }

    @Test
    void aTeamLeadersJointObjectiveIsOfferedToEveryMemberOfTheTeam() {
        var teachersReview = reviewOf(school.teacher());
        selfReflect(teachersReview, school.teacher());
        teachersReview.submit(school.leader().username(), values("objectives", objectives(
                objective("All of the key stage 2 team use the school writing process in every subject", "W1", true),
                objective("Develop pupils' reasoning in maths lessons", "M1", false))));

        var assistantsReview = reviewOf(school.assistant());
        selfReflect(assistantsReview, school.assistant());
        var offered = SubmittedFormAccess.list(assistantsReview.taskVariables().get("objectives"));
        assertThat(offered).hasSize(1);
        var jointObjective = (java.util.Map<?, ?>) offered.get(0);
        assertThat(jointObjective.get("title")).isEqualTo("All of the key stage 2 team use the school writing process in every subject");
        assertThat(jointObjective.get("joint")).isEqualTo(true);
        assertThat(assistantsReview.taskVariables()).containsEntry("canSetJointObjective", true);

        assistantsReview.submit(school.leader().username(), values("objectives", ReviewDriver.json(offered)));
        var objectives = objectiveService.currentObjectives(review(school.assistant()).id());
        assertThat(objectives).singleElement().satisfies(o -> assertThat(o.teamId()).isEqualTo(school.team().id()));
    }
}

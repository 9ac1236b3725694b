package org.reviewcycle.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.reviewcycle.process.AnnualReviewCycleProcess.Elements.*;
import static org.reviewcycle.support.ReviewDriver.objective;
import static org.reviewcycle.support.ReviewDriver.objectives;
import static org.reviewcycle.support.ReviewDriver.values;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reviewcycle.review.Review;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.ReviewDriver;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bad input at every step of AnnualReviewCycle, submitted as the people themselves through the
 * form service: each is refused with a message naming the field, the task stays open as it was,
 * none of our rows of the review changes and no process variable appears. Where it matters, a
 * correct submission afterwards shows the task is still usable.
 */
@SpringBootTest
class BadInputTest {

    @Autowired CycleLauncher launcher;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired ReviewService reviews;
    @Autowired TaskService tasks;
    @Autowired FormService forms;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired JdbcTemplate jdbc;

    TestSchool school;

    @BeforeEach
    void launchACycle() {
        school = TestSchool.create(schools, staff);
        launcher.launch(school.cycle().id());
    }

    // --- planning meeting --------------------------------------------------------------------

    @Test
    void anObjectiveWithoutAPriorityIsRefused() {
        var review = atPlanningMeeting(school.teacher());
        refused(review, school.leader(), plan(goodObjective(), objective("Develop pupils' reasoning", null, false)),
                "Objective 2", "priority");
        refused(review, school.leader(), plan(goodObjective(), objective("Develop pupils' reasoning", " ", false)),
                "Objective 2", "priority");

        accepted(review, school.leader(), plan(goodObjective(), objective("Develop pupils' reasoning", "M1", false)),
                APPROVE_OBJECTIVES);
    }

    @Test
    void anObjectiveWithEmptySuccessCriteriaIsRefused() {
        var review = atPlanningMeeting(school.teacher());
        var empty = goodObjective();
        empty.put("successCriteria", "");
        refused(review, school.leader(), plan(empty), "Objective 1", "success criteria", "must not be empty");
        var blank = goodObjective();
        blank.put("successCriteria", "   ");
        refused(review, school.leader(), plan(goodObjective(), blank), "Objective 2", "success criteria");
        var missing = goodObjective();
        missing.remove("successCriteria");
        refused(review, school.leader(), plan(missing), "Objective 1", "success criteria");
    }

    @Test
    void anUnknownPriorityCodeIsRefused() {
        var review = atPlanningMeeting(school.teacher());
        refused(review, school.leader(), plan(objective("Use the school writing process", "Z9", false)),
                "Objective 1", "'Z9'", "improvement priorities");

        accepted(review, school.leader(), plan(objective("Use the school writing process", "W1", false)),
                APPROVE_OBJECTIVES);
    }

    @Test
    void moreThanFiveObjectivesAreRefused() {
        var review = atPlanningMeeting(school.teacher());
        var six = new ArrayList<Map<String, Object>>();
        for (int i = 1; i <= 6; i++) {
            six.add(objective("Objective number " + i, i % 2 == 0 ? "M1" : "W1", false));
        }
        refused(review, school.leader(), values("objectives", ReviewDriver.json(six)), "Objectives", "at most 5", "not 6");

        accepted(review, school.leader(), values("objectives", ReviewDriver.json(six.subList(0, 5))), APPROVE_OBJECTIVES);
        assertThat(rowsOf(review).get("objective")).isEqualTo(5);
    }

    static Stream<Arguments> textLongerThanItsColumn() {
        return Stream.of(
                Arguments.of("title", 300, "the objective"),
                Arguments.of("successCriteria", 2000, "the success criteria"),
                Arguments.of("evidence", 2000, "the evidence"),
                Arguments.of("cpdSupport", 2000, "the CPD and support"));
    }

    @ParameterizedTest(name = "{0} longer than {1} characters")
    @MethodSource("textLongerThanItsColumn")
    void textLongerThanItsColumnIsRefusedAndTheLongestThatFitsIsAccepted(String field, int column, String label) {
        var review = atPlanningMeeting(school.teacher());
        var tooLong = goodObjective();
        tooLong.put(field, "x".repeat(column + 1));
        refused(review, school.leader(), plan(tooLong), "Objective 1: " + label, (column + 1) + " characters",
                "at most " + column);

        var longest = goodObjective();
        longest.put(field, "x".repeat(column));
        accepted(review, school.leader(), plan(longest), APPROVE_OBJECTIVES);
    }

    static Stream<Arguments> valuesOfTheWrongType() {
        var jointAsText = goodObjective();
        jointAsText.put("joint", "yes");
        var titleAsNumber = goodObjective();
        titleAsNumber.put("title", 42);
        var priorityAsNumber = goodObjective();
        priorityAsNumber.put("priorityCode", 1);
        return Stream.of(
                Arguments.of("objectives as plain text", "hello", new String[] {"Objectives", "must be a list", "'hello'"}),
                Arguments.of("an entry that is not a set of fields", ReviewDriver.json(List.of("hello")),
                        new String[] {"Objectives", "entry 1", "set of fields"}),
                Arguments.of("joint as the text yes", objectives(jointAsText),
                        new String[] {"Objective 1: joint objective", "yes or no", "'yes'"}),
                Arguments.of("title as a number", objectives(titleAsNumber),
                        new String[] {"Objective 1: the objective", "must be text", "the number 42"}),
                Arguments.of("priority as a number", objectives(priorityAsNumber),
                        new String[] {"Objective 1: the school improvement priority", "must be text"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valuesOfTheWrongType")
    void aValueOfTheWrongTypeIsRefused(String what, Object objectivesValue, String[] message) {
        var review = atPlanningMeeting(school.teacher());
        refused(review, school.leader(), values("objectives", objectivesValue), message);

        accepted(review, school.leader(), plan(goodObjective()), APPROVE_OBJECTIVES);
    }

    // --- head's approval of the objectives -----------------------------------------------------

    @Test
    void returningTheObjectivesWithoutAReasonIsRefused() {
        var review = atApproval(school.teacher());
        refused(review, school.head(), values("decision", "RETURN", "returnReason", null),
                "Reason for returning the objectives", "must not be empty");
        refused(review, school.head(), values("decision", "RETURN", "returnReason", "  "),
                "Reason for returning the objectives", "must not be empty");

        accepted(review, school.head(), values("decision", "RETURN", "returnReason", "Make objective 1 measurable"),
                PLANNING_MEETING);
    }

    @Test
    void aDecisionNotInTheListIsRefused() {
        var review = atApproval(school.teacher());
        refused(review, school.head(), values("decision", "MAYBE", "returnReason", null),
                "Decision", "one of APPROVE, RETURN", "'MAYBE'");
        // the enum's own constants are not the form's option values
        refused(review, school.head(), values("decision", "APPROVED", "returnReason", null),
                "Decision", "'APPROVED'");

        accepted(review, school.head(), values("decision", "APPROVE", "returnReason", null), ACKNOWLEDGE_OBJECTIVES);
    }

    @Test
    void aDecisionSentAsANumberIsRefused() {
        var review = atApproval(school.teacher());
        refused(review, school.head(), values("decision", 1, "returnReason", null),
                "Decision", "one of APPROVE, RETURN", "the number 1");
        refused(review, school.head(), values("decision", true, "returnReason", null), "Decision", "yes/no");

        accepted(review, school.head(), values("decision", "APPROVE", "returnReason", null), ACKNOWLEDGE_OBJECTIVES);
    }

    // --- reviewee's acknowledgement --------------------------------------------------------------

    @Test
    void disagreeingWithoutAReasonIsRefused() {
        var review = atAcknowledgement(school.teacher());
        refused(review, school.teacher(), values("response", "DISAGREE", "disagreementReason", null),
                "Reason for disagreeing", "must not be empty");
        refused(review, school.teacher(), values("response", "DISAGREE", "disagreementReason", ""),
                "Reason for disagreeing", "must not be empty");

        accepted(review, school.teacher(), values("response", "DISAGREE", "disagreementReason", "Objective 2 is not mine"),
                RESPOND_TO_OBJECTIVES_DISAGREEMENT);
        assertThat(rowsOf(review).get("objective_response")).isEqualTo(1);
    }

    @Test
    void theHeadsAnswerToADisagreementNeedsAResponseAndADecision() {
        var review = atAcknowledgement(school.teacher());
        review.submit(school.teacher().username(), values("response", "DISAGREE", "disagreementReason", "Objective 2 is not mine"));
        refused(review, school.head(), values("objectivesDecision", "STAND", "headResponse", "  "),
                "Your response", "must not be empty");
        refused(review, school.head(), values("objectivesDecision", null, "headResponse", "It stands"),
                "Decision", "objectives stand");
        refused(review, school.head(), values("objectivesDecision", "STAND", "headResponse", "x".repeat(2001)),
                "Your response", "2000");

        accepted(review, school.head(), values("objectivesDecision", "STAND", "headResponse", "It is the school's priority"),
                null);
        assertThat(rowsOf(review).get("disagreement_answer")).isEqualTo(1);
    }

    @Test
    void disagreeingWithTheFinalReviewWithoutAReasonIsRefused() {
        var review = atFinalReview(school.assistant());
        review.submit(school.leader().username(), finalReview(review, false, o -> { }));
        refused(review, school.assistant(), values("revieweeComments", null, "disagree", true, "disagreementReason", "",
                "confirmRead", true), "Why you disagree with the review", "must not be empty");

        accepted(review, school.assistant(), values("revieweeComments", null, "disagree", true,
                "disagreementReason", "The outcome of objective 1 ignores the tracker", "confirmRead", true),
                RESPOND_TO_FINAL_REVIEW_DISAGREEMENT);
    }

    @Test
    void aSelfReviewNeedsWhatWasAchievedAgainstEveryObjective() {
        var review = atMidYearCheck(school.assistant());
        review.submit(school.leader().username(), midYearCheck(review, p -> p.put("status", "ON_TRACK")));
        review.fireTimer();
        assertThat(review.openTaskKey()).isEqualTo(SELF_REVIEW);
        @SuppressWarnings("unchecked")
        var entries = (List<Map<String, Object>>) SubmittedFormAccess.list(review.taskVariables().get("selfReview"));
        refused(review, school.assistant(), values("selfReview", ReviewDriver.json(entries)),
                "Objective 1: what you achieved", "must not be empty");
        entries.forEach(e -> e.put("achieved", "Done"));
        entries.get(0).put("position", 7);
        refused(review, school.assistant(), values("selfReview", ReviewDriver.json(entries)),
                "this review has no objective 7");
        entries.get(0).put("position", 2);
        refused(review, school.assistant(), values("selfReview", ReviewDriver.json(entries)),
                "objective 2 is given twice");
        entries.get(0).put("position", 1);
        entries.get(1).put("evidence", "x".repeat(2001));
        refused(review, school.assistant(), values("selfReview", ReviewDriver.json(entries)),
                "Objective 2: your evidence", "2000");

        entries.get(1).put("evidence", "Pupils' books");
        accepted(review, school.assistant(), values("selfReview", ReviewDriver.json(entries), "overall", null), FINAL_REVIEW);
        assertThat(rowsOf(review)).containsEntry("self_review", 1L).containsEntry("self_review_objective", 2L);
    }

    // --- mid-year check -------------------------------------------------------------------------

    @Test
    void aProgressStatusNotInTheListIsRefused() {
        var review = atMidYearCheck(school.teacher());
        refused(review, school.leader(), midYearCheck(review, p -> p.put("status",
                "1".equals(String.valueOf(p.get("position"))) ? "ON_TRACK" : "GREAT")),
                "Objective 2: progress", "one of ON_TRACK, AT_RISK, OFF_TRACK", "'GREAT'");
        refused(review, school.leader(), midYearCheck(review, p -> p.put("status", null)),
                "Objective 1", "on track, at risk or off track");

        accepted(review, school.leader(), midYearCheck(review, p -> p.put("status", "AT_RISK")), LESSON_OBSERVATION);
        assertThat(rowsOf(review)).containsEntry("mid_year_check", 1L).containsEntry("mid_year_progress", 2L);
    }

    // --- lesson observation ---------------------------------------------------------------------

    @Test
    void theOldJudgementSatisfactoryIsRefused() {
        var review = atLessonObservation(school.teacher());
        var observation = observation();
        observation.put("judgement", "SATISFACTORY");
        refused(review, school.leader(), observation, "Judgement",
                "one of OUTSTANDING, GOOD, REQUIRES_IMPROVEMENT, INADEQUATE", "'SATISFACTORY'");

        observation.put("judgement", "REQUIRES_IMPROVEMENT");
        accepted(review, school.leader(), observation, LESSON_OBSERVATION);
        assertThat(rowsOf(review)).containsEntry("lesson_observation", 1L).containsEntry("observation_focus", 1L);
    }

    @Test
    void aDateThatIsNotADateIsRefused() {
        var review = atLessonObservation(school.teacher());
        var observation = observation();
        observation.put("observationDate", "next Tuesday");
        refused(review, school.leader(), observation, "Date of the observation", "'next Tuesday'");
        observation.put("observationDate", "2026-02-30");
        refused(review, school.leader(), observation, "Date of the observation", "'2026-02-30'");

        observation.put("observationDate", "2026-11-10");
        accepted(review, school.leader(), observation, LESSON_OBSERVATION);
    }

    // --- final review ---------------------------------------------------------------------------

    @Test
    void anOutcomeNotInTheListIsRefused() {
        var review = atFinalReview(school.assistant());
        refused(review, school.leader(), finalReview(review, false, o -> o.put("outcome", "EXCEEDED")),
                "Objective 1: the outcome", "one of MET, PARTLY_MET, NOT_MET", "'EXCEEDED'");

        accepted(review, school.leader(), finalReview(review, false, o -> o.put("outcome", "NOT_MET")),
                REVIEWEE_SIGN_OFF);
        assertThat(rowsOf(review)).containsEntry("final_review", 1L).containsEntry("objective_outcome", 2L);
    }

    @Test
    void aPayRecommendationForSupportStaffIsRefused() {
        var review = atFinalReview(school.assistant());
        var withPay = finalReview(review, false, o -> { });
        withPay.put("payRecommendation", "PROGRESS");
        withPay.put("payReason", "All objectives met");
        refused(review, school.leader(), withPay, "Pay recommendation", "has no pay recommendation");

        accepted(review, school.leader(), finalReview(review, false, o -> { }), REVIEWEE_SIGN_OFF);
    }

    @Test
    void aTeachersFinalReviewWithoutAPayRecommendationIsRefused() {
        var review = atFinalReview(school.teacher());
        refused(review, school.leader(), finalReview(review, false, o -> { }), "Pay recommendation");
        var withoutReason = finalReview(review, true, o -> { });
        withoutReason.put("payReason", null);
        refused(review, school.leader(), withoutReason, "Reason for the pay recommendation", "must not be empty");

        accepted(review, school.leader(), finalReview(review, true, o -> { }), REVIEWEE_SIGN_OFF);
    }

    // --- head's sign-off ------------------------------------------------------------------------

    @Test
    void returningTheFinalReviewWithoutAReasonIsRefused() {
        var review = atHeadSignOff(school.assistant());
        refused(review, school.head(), values("decision", "RETURN", "returnReason", null,
                "moderationNote", "Consistent with the phase"), "Reason for returning the review", "must not be empty");
        refused(review, school.head(), values("decision", "RETURN", "returnReason", " ",
                "moderationNote", null), "Reason for returning the review", "must not be empty");

        accepted(review, school.head(), values("decision", "RETURN", "returnReason", "Give the impact in numbers",
                "moderationNote", null), FINAL_REVIEW);
        assertThat(rowsOf(review).get("final_review_decision")).isEqualTo(1);
    }

    // --- the checks -----------------------------------------------------------------------------

    /**
     * Submits {@code submitted} as {@code person} and checks it is refused: a message naming the
     * field, the same task still open with its form as it was, no row of the review changed, no
     * process variable added.
     */
    private void refused(ReviewDriver review, StaffMember person, Map<String, Object> submitted, String... message) {
        Task before = review.openTask();
        assertThat(before).as("an open task to submit to").isNotNull();
        String processInstanceId = before.getProcessInstanceId();
        Map<String, Long> rowsBefore = rowsOf(review);
        Set<String> variablesBefore = new TreeSet<>(runtime.getVariables(processInstanceId).keySet());
        Map<String, String> formBefore = form(review);

        Throwable thrown = catchThrowable(() -> review.submit(person.username(), submitted));

        assertThat(thrown).as("submitting %s to %s", submitted, before.getTaskDefinitionKey()).isNotNull();
        assertThat(thrown.getMessage()).contains(message);
        assertThat(rootCause(thrown)).isInstanceOf(IllegalArgumentException.class);
        Task after = review.openTask();
        assertThat(after).as("the task is still open").isNotNull();
        assertThat(after.getId()).isEqualTo(before.getId());
        assertThat(after.getTaskDefinitionKey()).isEqualTo(before.getTaskDefinitionKey());
        assertThat(form(review)).as("the task's form values").isEqualTo(formBefore);
        assertThat(rowsOf(review)).as("rows of the review").isEqualTo(rowsBefore);
        assertThat(new TreeSet<>(runtime.getVariables(processInstanceId).keySet())).as("process variables")
                .isEqualTo(variablesBefore);
    }

    /** Submits a correct form and checks the review moved on to {@code next} (null: waiting at a timer). */
    private void accepted(ReviewDriver review, StaffMember person, Map<String, Object> submitted, String next) {
        String taskId = review.openTask().getId();
        Map<String, Long> rowsBefore = rowsOf(review);
        review.submit(person.username(), submitted);
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).as("the task is completed").isZero();
        assertThat(review.openTaskKey()).isEqualTo(next);
        assertThat(rowsOf(review)).as("a correct submission is recorded").isNotEqualTo(rowsBefore);
    }

    private static Throwable rootCause(Throwable thrown) {
        Throwable cause = thrown;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** The open task's local variables, as text (Json values included). */
    private static Map<String, String> form(ReviewDriver review) {
        var form = new TreeMap<String, String>();
        review.taskVariables().forEach((name, value) -> form.put(name, String.valueOf(value)));
        return form;
    }

    /** How many rows each of our tables holds for the review. */
    private Map<String, Long> rowsOf(ReviewDriver review) {
        return ReviewRows.of(jdbc, ((Number) review.variable(AnnualReviewCycleProcess.Variables.REVIEW_ID)).longValue());
    }

    // --- the steps up to each task, done correctly ----------------------------------------------

    ReviewDriver reviewOf(StaffMember member) {
        Review review = reviews.reviewsIn(school.cycle().id()).stream().filter(r -> r.staffId().equals(member.id()))
                .findFirst().orElseThrow();
        return new ReviewDriver(tasks, forms, identity, management, runtime, staff, review.processInstanceId());
    }

    ReviewDriver atPlanningMeeting(StaffMember reviewee) {
        var review = reviewOf(reviewee);
        assertThat(review.openTaskKey()).isEqualTo(SELF_REFLECTION);
        review.submit(reviewee.username(), values("strengths", "Building relationships with pupils",
                "developmentWishes", "Teaching extended writing", "objectiveIdeas", "Something on writing"));
        assertThat(review.openTaskKey()).isEqualTo(PLANNING_MEETING);
        return review;
    }

    ReviewDriver atApproval(StaffMember reviewee) {
        var review = atPlanningMeeting(reviewee);
        review.submit(school.leader().username(), plan(goodObjective(),
                objective("Develop pupils' reasoning in maths lessons", "M1", false)));
        assertThat(review.openTaskKey()).isEqualTo(APPROVE_OBJECTIVES);
        return review;
    }

    ReviewDriver atAcknowledgement(StaffMember reviewee) {
        var review = atApproval(reviewee);
        review.submit(school.head().username(), values("decision", "APPROVE", "returnReason", null));
        assertThat(review.openTaskKey()).isEqualTo(ACKNOWLEDGE_OBJECTIVES);
        return review;
    }

    ReviewDriver atMidYearCheck(StaffMember reviewee) {
        var review = atAcknowledgement(reviewee);
        review.submit(reviewee.username(), values("response", "ACKNOWLEDGE", "disagreementReason", null));
        assertThat(review.openTaskKey()).isNull();
        review.fireTimer();
        assertThat(review.openTaskKey()).isEqualTo(MID_YEAR_CHECK);
        return review;
    }

    ReviewDriver atLessonObservation(StaffMember teacher) {
        var review = atMidYearCheck(teacher);
        review.submit(school.leader().username(), midYearCheck(review, p -> p.put("status", "ON_TRACK")));
        assertThat(review.openTaskKey()).isEqualTo(LESSON_OBSERVATION);
        return review;
    }

    ReviewDriver atFinalReview(StaffMember reviewee) {
        var review = atMidYearCheck(reviewee);
        review.submit(school.leader().username(), midYearCheck(review, p -> p.put("status", "ON_TRACK")));
        while (LESSON_OBSERVATION.equals(review.openTaskKey())) {
            review.submit(school.leader().username(), observation());
        }
        assertThat(review.openTaskKey()).isNull();
        review.writeSelfReview();
        assertThat(review.openTaskKey()).isEqualTo(FINAL_REVIEW);
        return review;
    }

    ReviewDriver atHeadSignOff(StaffMember reviewee) {
        var review = atFinalReview(reviewee);
        review.submit(school.leader().username(),
                finalReview(review, Boolean.TRUE.equals(review.variable(AnnualReviewCycleProcess.Variables.PAY_RECOMMENDATION_DUE)), o -> { }));
        assertThat(review.openTaskKey()).isEqualTo(REVIEWEE_SIGN_OFF);
        review.submit(reviewee.username(), values("revieweeComments", "A fair review", "confirmRead", true));
        assertThat(review.openTaskKey()).isEqualTo(HEAD_SIGN_OFF);
        return review;
    }

    // --- correct form values, to spoil one field of ------------------------------------------------

    static Map<String, Object> goodObjective() {
        return objective("Use the school writing process across the curriculum", "W1", false);
    }

    @SafeVarargs
    static Map<String, Object> plan(Map<String, Object>... objectives) {
        return values("objectives", objectives(objectives));
    }

    /** The mid-year form as prefilled, wording unchanged, with {@code change} applied to each entry. */
    static Map<String, Object> midYearCheck(ReviewDriver review, Consumer<Map<String, Object>> change) {
        @SuppressWarnings("unchecked")
        var progress = (List<Map<String, Object>>) SubmittedFormAccess.list(review.taskVariables().get("progress"));
        progress.forEach(change);
        return values("progress", ReviewDriver.json(progress), "overallNote", "Good progress so far");
    }

    static Map<String, Object> observation() {
        return values("observationDate", "2026-11-10", "focusObjectives", ReviewDriver.json(List.of("1")),
                "judgement", "GOOD", "strengths", "Clear modelling of the writing process",
                "areasToDevelop", "Pace of the plenary", "cpdNeeds", "Questioning");
    }

    /** The final review form, every objective met, with {@code change} applied to each outcome. */
    static Map<String, Object> finalReview(ReviewDriver review, boolean withPayRecommendation,
            Consumer<Map<String, Object>> change) {
        @SuppressWarnings("unchecked")
        var outcomes = (List<Map<String, Object>>) SubmittedFormAccess.list(review.taskVariables().get("outcomes"));
        outcomes.forEach(o -> {
            o.put("outcome", "MET");
            o.put("evidence", "Moderated books show the target reached");
            change.accept(o);
        });
        var submitted = values("outcomes", ReviewDriver.json(outcomes), "impactOnPupils", "More pupils write at length",
                "impactOnPractice", "Planning now builds in extended writing",
                "impactOnColleagues", "Shared the approach at a staff meeting", "cpdUndertaken", "Two network sessions",
                "cpdImpact", "Better feedback on writing", "developmentNeeds", "Leading a phase team");
        if (withPayRecommendation) {
            submitted.put("payRecommendation", "PROGRESS");
            submitted.put("payReason", "All objectives met");
        }
        return submitted;
    }
}

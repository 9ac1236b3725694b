package org.reviewcycle.process;

/**
 * The one place that spells the names linking code and the model {@code bpmn/AnnualReviewCycle.bpmn}
 * (with {@code bpmn/ReviewPlan.dmn} and the forms in {@code forms/}): the process key, its element
 * ids, the process variables (ids and decisions only) and the forms' ids.
 */
public final class AnnualReviewCycleProcess {

    public static final String KEY = "AnnualReviewCycle";
    public static final String REVIEW_PLAN_DECISION = "ReviewPlan";

    private AnnualReviewCycleProcess() {
    }

    /**
     * The timer the review waits at ({@link Elements#WAITING_TIMERS}), or null when it waits at none, or at
     * more than one (the job executor fired it meanwhile and the review moved on).
     */
    public static org.camunda.bpm.engine.runtime.Job waitingTimer(org.camunda.bpm.engine.ManagementService management,
            String processInstanceId) {
        var timers = new java.util.ArrayList<org.camunda.bpm.engine.runtime.Job>();
        for (String waitingAt : Elements.WAITING_TIMERS) {
            // a page, not list(): an unbounded query is refused when a person is logged in to the engine
            timers.addAll(management.createJobQuery().processInstanceId(processInstanceId).activityId(waitingAt)
                    .timers().listPage(0, 2));
        }
        return timers.size() == 1 ? timers.get(0) : null;
    }

    /** Element ids in the model. */
    public static final class Elements {
        public static final String START = "Event_ReviewLaunched";
        public static final String DECIDE_REVIEW_PLAN = "Task_DecideReviewPlan";
        public static final String SELF_REFLECTION = "Task_SelfReflection";
        public static final String PLANNING_MEETING = "Task_PlanningMeeting";
        public static final String APPROVE_OBJECTIVES = "Task_ApproveObjectives";
        public static final String OBJECTIVES_APPROVED = "Gateway_ObjectivesApproved";
        public static final String ACKNOWLEDGE_OBJECTIVES = "Task_AcknowledgeObjectives";
        public static final String OBJECTIVES_DISAGREED = "Gateway_ObjectivesDisagreed";
        public static final String RESPOND_TO_OBJECTIVES_DISAGREEMENT = "Task_RespondToObjectivesDisagreement";
        public static final String OBJECTIVES_STAND = "Gateway_ObjectivesStand";
        public static final String MID_YEAR_CHECK_DONE = "Gateway_MidYearCheckDone";
        public static final String MID_YEAR_REACHED = "Event_MidYearReached";
        public static final String MID_YEAR_CHECK = "Task_MidYearCheck";
        public static final String OBJECTIVES_CHANGED_AT_MID_YEAR = "Gateway_ObjectivesChangedAtMidYear";
        public static final String OBSERVATIONS_NEEDED = "Gateway_ObservationsNeeded";
        public static final String LESSON_OBSERVATION = "Task_LessonObservation";
        public static final String FINAL_REVIEW_REACHED = "Event_FinalReviewReached";
        public static final String SELF_REVIEW = "Task_SelfReview";
        /** The timer on Task_SelfReview: not written by its due date, the review goes on to the final review. */
        public static final String SELF_REVIEW_NOT_WRITTEN = "Boundary_SelfReviewNotWritten";
        public static final String FINAL_REVIEW = "Task_FinalReview";
        public static final String REVIEWEE_SIGN_OFF = "Task_RevieweeSignOff";
        public static final String FINAL_REVIEW_DISAGREED = "Gateway_FinalReviewDisagreed";
        public static final String RESPOND_TO_FINAL_REVIEW_DISAGREEMENT = "Task_RespondToFinalReviewDisagreement";
        public static final String HEAD_SIGN_OFF = "Task_HeadSignOff";
        public static final String FINAL_REVIEW_SIGNED_OFF = "Gateway_FinalReviewSignedOff";
        public static final String REVIEW_COMPLETE = "Event_ReviewComplete";
        /**
         * The timers a review waits at: the dates the mid-year check and the final review open, and the
         * self-review's deadline. Not the reminder and escalation timers on every open step
         * ({@code Boundary_<step>Reminder}, {@code Boundary_<step>Overdue}: {@link StepReminders}).
         */
        public static final java.util.List<String> WAITING_TIMERS = java.util.List.of(MID_YEAR_REACHED,
                FINAL_REVIEW_REACHED, SELF_REVIEW_NOT_WRITTEN);

        private Elements() {
        }
    }

    /** Process variables: references and the decisions that drive gateways and timers. */
    public static final class Variables {
        public static final String REVIEW_ID = "reviewId";
        public static final String REVIEWEE = "revieweeUsername";
        public static final String REVIEWER = "reviewerUsername";
        /** The group of the reviewee's school's head, e.g. heads-littletown. */
        public static final String HEAD_GROUP = "headGroup";
        /** Input of the ReviewPlan decision. */
        public static final String STAFF_CATEGORY = "staffCategory";
        /** Outputs of the ReviewPlan decision. */
        public static final String OBSERVATION_COUNT = "observationCount";
        public static final String PAY_RECOMMENDATION_DUE = "payRecommendationDue";
        public static final String OBJECTIVES_APPROVED = "objectivesApproved";
        /** The reviewee disagreed with the objectives (Task_AcknowledgeObjectives). */
        public static final String OBJECTIVES_DISAGREED = "objectivesDisagreed";
        /** The head's answer to that disagreement: the objectives stand, or go back to the planning meeting. */
        public static final String OBJECTIVES_STAND = "objectivesStand";
        public static final String MID_YEAR_CHECK_DONE = "midYearCheckDone";
        public static final String OBJECTIVES_CHANGED_AT_MID_YEAR = "objectivesChangedAtMidYear";
        /** The reviewee signed the final review and disagreed with it (Task_RevieweeSignOff). */
        public static final String FINAL_REVIEW_DISAGREED = "finalReviewDisagreed";
        public static final String FINAL_REVIEW_SIGNED_OFF = "finalReviewSignedOff";

        private Variables() {
        }
    }

    /** Form ids (= file names in forms/). */
    public static final class Forms {
        public static final String SELF_REFLECTION = "SelfReflection";
        public static final String PLANNING_MEETING = "PlanningMeeting";
        public static final String APPROVE_OBJECTIVES = "ApproveObjectives";
        public static final String ACKNOWLEDGE_OBJECTIVES = "AcknowledgeObjectives";
        public static final String RESPOND_TO_OBJECTIVES_DISAGREEMENT = "RespondToObjectivesDisagreement";
        public static final String MID_YEAR_CHECK = "MidYearCheck";
        public static final String LESSON_OBSERVATION = "LessonObservation";
        public static final String SELF_REVIEW = "SelfReview";
        public static final String FINAL_REVIEW = "FinalReview";
        public static final String REVIEWEE_SIGN_OFF = "RevieweeSignOff";
        public static final String RESPOND_TO_FINAL_REVIEW_DISAGREEMENT = "RespondToFinalReviewDisagreement";
        public static final String HEAD_SIGN_OFF = "HeadSignOff";

        private Forms() {
        }
    }
}

package org.reviewcycle.process;

import static org.reviewcycle.process.AnnualReviewCycleProcess.Elements;
import static org.reviewcycle.process.AnnualReviewCycleProcess.Variables;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.review.ReviewFacts;
import org.reviewcycle.school.Milestones;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Due dates and timer dates from the cycle's milestones for the reviewee's category (teachers' or
 * support staff's; a new starter's own objectives deadline), read from our tables each time so that a
 * change to the cycle's dates applies to the work still to come. Used by the model as
 * {@code ${reviewSchedule.dueDate(execution)}} on every user task and on the self-review's timer, and by
 * the two timers the review waits at.
 */
@Component("reviewSchedule")
public class ReviewSchedule {

    /** Work is due at the end of the school day of its milestone. */
    static final LocalTime END_OF_SCHOOL_DAY = LocalTime.of(17, 0);
    /** The mid-year check, and objectives changed there, are due four weeks after it opens. */
    static final int MID_YEAR_WEEKS = 4;
    /** The self-review is due a week after the final reviews open (Task_SelfReview). */
    static final int SELF_REVIEW_WEEKS = 1;

    private final ReviewService reviews;
    /** Now by the engine's clock, which its timers run by. */
    private final Supplier<Date> now;

    @Autowired
    ReviewSchedule(ReviewService reviews) {
        this(reviews, ClockUtil::getCurrentTime);
    }

    ReviewSchedule(ReviewService reviews, Supplier<Date> now) {
        this.reviews = reviews;
        this.now = now;
    }

    public Date dueDate(DelegateExecution execution) {
        return dueDate(execution, execution.getCurrentActivityId());
    }

    /** The due date of user task {@code userTaskId} of the execution's review (its reminders' timers ask). */
    Date dueDate(DelegateExecution execution, String userTaskId) {
        Milestones cycle = milestonesOf(execution);
        boolean afterMidYear = Boolean.TRUE.equals(execution.getVariable(Variables.MID_YEAR_CHECK_DONE));
        return switch (userTaskId) {
            case Elements.SELF_REFLECTION, Elements.PLANNING_MEETING -> at(cycle.objectivesAgreedBy());
            case Elements.APPROVE_OBJECTIVES, Elements.ACKNOWLEDGE_OBJECTIVES, Elements.RESPOND_TO_OBJECTIVES_DISAGREEMENT ->
                    at(afterMidYear ? midYearDue(cycle) : cycle.objectivesAgreedBy());
            case Elements.MID_YEAR_CHECK -> at(midYearDue(cycle));
            case Elements.LESSON_OBSERVATION -> at(cycle.observationsDue());
            case Elements.SELF_REVIEW -> selfReviewDue(cycle);
            case Elements.FINAL_REVIEW, Elements.REVIEWEE_SIGN_OFF, Elements.RESPOND_TO_FINAL_REVIEW_DISAGREEMENT,
                    Elements.HEAD_SIGN_OFF -> at(cycle.finalReviewDue());
            default -> throw new IllegalStateException("No milestone for " + userTaskId);
        };
    }

    /** When the mid-year check opens (timer Event_MidYearReached). */
    public Date midYearCheckFrom(DelegateExecution execution) {
        return startOf(milestonesOf(execution).midYearCheckFrom());
    }

    /** When the final review opens (timer Event_FinalReviewReached). */
    public Date finalReviewFrom(DelegateExecution execution) {
        return startOf(milestonesOf(execution).finalReviewFrom());
    }

    /**
     * The self-review opens with the final reviews and is due a week later, ahead of the meeting. On
     * that date its timer (Boundary_SelfReviewNotWritten, which reads this same due date) carries the
     * review on without it. A review that reaches the self-review after that date (running late) gives
     * the reviewee a week from the day it opens, so that the timer does not skip it at once.
     */
    private Date selfReviewDue(Milestones cycle) {
        LocalDate due = cycle.finalReviewFrom().plusWeeks(SELF_REVIEW_WEEKS);
        Date dueAt = at(due.isBefore(cycle.finalReviewDue()) ? due : cycle.finalReviewDue());
        Date opened = now.get();
        return dueAt.after(opened) ? dueAt
                : at(opened.toInstant().atZone(ZoneId.systemDefault()).toLocalDate().plusWeeks(SELF_REVIEW_WEEKS));
    }

    private static LocalDate midYearDue(Milestones cycle) {
        LocalDate due = cycle.midYearCheckFrom().plusWeeks(MID_YEAR_WEEKS);
        return due.isBefore(cycle.finalReviewFrom()) ? due : cycle.finalReviewFrom();
    }

    private Milestones milestonesOf(DelegateExecution execution) {
        ReviewFacts facts = reviews.facts((Long) execution.getVariable(Variables.REVIEW_ID));
        return facts.cycle().milestonesFor(facts.reviewee().category(), facts.reviewee().startedOn());
    }

    private static Date at(LocalDate day) {
        return Date.from(day.atTime(END_OF_SCHOOL_DAY).atZone(ZoneId.systemDefault()).toInstant());
    }

    private static Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }
}

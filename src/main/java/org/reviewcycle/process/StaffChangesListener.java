package org.reviewcycle.process;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.reviewcycle.review.Review;
import org.reviewcycle.review.ReviewFacts;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.staff.ReviewerChanged;
import org.reviewcycle.staff.StaffLeft;
import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffMoved;
import org.reviewcycle.staff.StaffService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reviews under way follow what the staff feature changes about a person: both events are
 * published inside the transaction that makes the change, and these listeners run in it, so the
 * staff record and the reviews never disagree. The rules (which reviews are under way, who may
 * review) are the review service's; this class moves the engine's side.
 */
@Component
class StaffChangesListener {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final ReviewService reviews;
    private final ReviewEnding ending;
    private final StaffService staff;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final HeadAssignment heads;
    private final Clock clock;

    StaffChangesListener(ReviewService reviews, ReviewEnding ending, StaffService staff, RuntimeService runtime,
            TaskService tasks, HeadAssignment heads, ObjectProvider<Clock> clock) {
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
        this.heads = heads;
        this.reviews = reviews;
        this.ending = ending;
        this.staff = staff;
        this.runtime = runtime;
        this.tasks = tasks;
    }

    /**
     * A leaver's review under way ends with the date they left, noted in the school's history; what
     * was written is kept. Someone whose last day is still to come keeps their review until then:
     * {@link LeaversReviewsEnding} ends it the night after.
     */
    @EventListener
    void staffLeft(StaffLeft event) {
        if (event.leftOn().isAfter(LocalDate.now(clock))) {
            return;
        }
        endRunningReviews(event.staffId(), null, leftReason(event.leftOn()));
    }

    static String leftReason(LocalDate leftOn) {
        return "Left the school on " + DATE.format(leftOn);
    }

    /**
     * A member of staff moved to another school of the trust: their review under way at the old school ends
     * ("Moved to Hillcrest Primary on 3 December 2026"), its tasks with it; a task of the old school still
     * assigned to them (a head's approval or sign-off) goes to that school's head ({@link HeadAssignment}).
     * Tasks they held as reviewer are not left behind: the move is refused while they review anyone there.
     */
    @EventListener
    void staffMoved(StaffMoved event) {
        endRunningReviews(event.staffId(), event.fromSchoolId(),
                "Moved to " + event.toSchoolName() + " on " + DATE.format(event.movedOn()));
        for (Task task : tasks.createTaskQuery().taskAssignee(event.username()).tenantIdIn(event.fromSchoolCode())
                .list()) {
            heads.handOn(tasks, task, event.fromSchoolId(), event.fromSchoolCode());
        }
    }

    /** Ends the person's reviews under way (of {@code schoolId} only, unless null), each noted in its school's history. */
    private void endRunningReviews(long staffId, Long schoolId, String reason) {
        for (Review review : reviews.runningReviewsOf(staffId)) {
            if ((schoolId == null || schoolId.equals(reviews.facts(review.id()).school().id()))
                    && ending.end(review.id(), reason)) {
                reviews.recordEndedByChange(review.id(), reason);
            }
        }
    }

    /**
     * The new reviewer takes over the review under way: the record, the process variable the
     * model's later tasks are assigned from ({@code ${reviewerUsername}}), and the open tasks the
     * old reviewer held. Tasks offered to the head's group stay where they are. When the reviewer
     * is only removed (none given), the review keeps the reviewer it has: a review under way always
     * has someone to hold its meetings, and the admin picks the new one.
     */
    @EventListener
    void reviewerChanged(ReviewerChanged event) {
        if (event.newReviewerId() == null) {
            return;
        }
        StaffMember reviewer = staff.find(event.newReviewerId()).orElseThrow();
        for (Review review : reviews.runningReviewsOf(event.staffId())) {
            ReviewFacts before = reviews.changeReviewer(review.id(), reviewer.id());
            if (review.processInstanceId() == null) {
                continue;
            }
            runtime.setVariable(review.processInstanceId(), AnnualReviewCycleProcess.Variables.REVIEWER,
                    reviewer.username());
            for (Task task : tasks.createTaskQuery().processInstanceId(review.processInstanceId())
                    .taskAssignee(before.reviewer().username()).list()) {
                // the forms read the team leader's name from the review when they open (ReviewForms.commonFacts)
                tasks.setAssignee(task.getId(), reviewer.username());
            }
        }
    }
}

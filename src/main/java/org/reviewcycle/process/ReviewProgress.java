package org.reviewcycle.process;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.reviewcycle.common.CurrentActor;
import org.reviewcycle.review.Review;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Where each review of a cycle stands in the engine, for admins: the open task and who has it, or
 * the date the review waits for. A review waiting for its mid-year or final-review date can be
 * brought forward (someone back from leave, a school that meets early): its timer runs at once, in
 * the admin's request, so the next task is there when the page answers.
 */
@Service
public class ReviewProgress {

    /** One review's place in the cycle. */
    public record Step(Review review, String stepName, String holder, Date waitingUntil, String timerJobId) {
    }

    private static final Logger log = LoggerFactory.getLogger(ReviewProgress.class);
    /** How often a timer run elsewhere at the same moment is looked at again, and how long apart. */
    private static final int RUN_ATTEMPTS = 10;
    private static final java.time.Duration RETRY_PAUSE = java.time.Duration.ofMillis(150);

    private final ReviewService reviews;
    private final TaskService tasks;
    private final ManagementService management;
    private final RepositoryService repository;
    private final IdentityService identity;
    private final StaffService staff;
    private final CurrentActor actor;

    ReviewProgress(ReviewService reviews, TaskService tasks, ManagementService management,
            RepositoryService repository, IdentityService identity, StaffService staff, CurrentActor actor) {
        this.reviews = reviews;
        this.tasks = tasks;
        this.management = management;
        this.repository = repository;
        this.identity = identity;
        this.staff = staff;
        this.actor = actor;
    }

    public List<Step> stepsOf(long cycleId) {
        return reviews.reviewsIn(cycleId).stream().map(this::stepOf).toList();
    }

    /**
     * Starts now what the review waits for, and returns where it stands then: normally the task, made
     * in this request. The timer's due date becomes now first, so that should running it here fail,
     * the job executor of any node runs it soon after, as it would have on the date. Running it here
     * instead of leaving it to the job executor is what makes the task appear at once: an idle job
     * executor looks for due jobs only every so often (up to a minute). On a cluster, another node's
     * job executor, or another admin, may run the same timer at the same moment; the engine's
     * optimistic locking lets one of them through, and the other is told the review moved on.
     */
    public Step bringForward(long reviewId) {
        Review review = reviews.find(reviewId)
                .orElseThrow(() -> new IllegalArgumentException("No review with id " + reviewId));
        Job timer = timerOf(review);
        if (timer == null) {
            throw new IllegalStateException("This review is not waiting for a date");
        }
        // as the admin who asked, so that the engine checks their rights and its operation log names them
        String admin = actor.username();
        identity.setAuthentication(admin, staff.groupIdsOf(admin), staff.tenantIdsOf(admin));
        try {
            try {
                management.setJobDuedate(timer.getId(), new Date());
            } catch (OptimisticLockingException e) {
                // another admin, or a job executor, changed the timer at the same moment: run it below all the same
                log.info("Review {}: its timer was changed elsewhere at the same moment", reviewId);
            }
            runNow(review, timer);
        } catch (RuntimeException e) {
            if (stillWaiting(review, timer)) {
                // the job executor runs the due timer again, and Cockpit shows an incident if it keeps failing
                log.warn("Review {}: running its timer now failed; the job executor will run it", reviewId, e);
            } else {
                log.info("Review {}: its timer was run elsewhere meanwhile", reviewId);
            }
        } finally {
            identity.clearAuthentication();
        }
        return stepOf(review);
    }

    /**
     * Runs the timer, unless it has run already. When another admin or a job executor runs it at the
     * same moment, the engine's optimistic locking lets one of them through and the other's run
     * fails; that other run may still be under way, so the timer is looked at again, briefly, until
     * it has gone: the page then answers with the next task made.
     */
    private void runNow(Review review, Job timer) {
        for (int attempt = 1; stillWaiting(review, timer); attempt++) {
            try {
                management.executeJob(timer.getId());
                return;
            } catch (OptimisticLockingException e) {
                if (attempt == RUN_ATTEMPTS) {
                    log.info("Review {}: its timer is being run elsewhere; that run moves the review on", review.id());
                    return;
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean stillWaiting(Review review, Job timer) {
        Job now = timerOf(review);
        return now != null && now.getId().equals(timer.getId());
    }

    private Step stepOf(Review review) {
        if (review.processInstanceId() == null) {
            return new Step(review, "Not started", "", null, null);
        }
        List<Task> open = tasks.createTaskQuery().processInstanceId(review.processInstanceId()).list();
        if (!open.isEmpty()) {
            Task task = open.get(0);
            return new Step(review, task.getName(), holderOf(task), null, null);
        }
        Job timer = timerOf(review);
        if (timer != null) {
            String waitingFor = repository.getBpmnModelInstance(timer.getProcessDefinitionId())
                    .getModelElementById(management.createJobDefinitionQuery().jobDefinitionId(timer.getJobDefinitionId())
                            .singleResult().getActivityId()).getAttributeValue("name");
            return new Step(review, waitingFor, "", timer.getDuedate(), timer.getId());
        }
        return new Step(review, review.state().name().equals("COMPLETE") ? "Complete" : "Moving on", "", null, null);
    }

    /** Who has the task, by name: the person it is assigned to, or the group it is offered to. */
    private String holderOf(Task task) {
        if (task.getAssignee() != null) {
            return staff.findByUsername(task.getAssignee()).map(StaffMember::fullName).orElse(task.getAssignee());
        }
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> link.getGroupId() != null)
                .map(link -> identity.createGroupQuery().groupId(link.getGroupId()).singleResult())
                .filter(java.util.Objects::nonNull)
                .map(group -> "offered to " + group.getName())
                .findFirst().orElse("");
    }

    /**
     * The timer of the date the review waits for, when it waits for one: no task open. A timer on an
     * open task (Boundary_SelfReviewNotWritten on the self-review) is that task's deadline, not a date
     * to bring forward: running it would skip the task.
     */
    private Job timerOf(Review review) {
        if (review.processInstanceId() == null
                || tasks.createTaskQuery().processInstanceId(review.processInstanceId()).count() > 0) {
            return null;
        }
        // not the reminder timers of a step: the job executor may fire the timer between the two reads, and the
        // review is then at its next step, with that step's reminder timers
        return AnnualReviewCycleProcess.waitingTimer(management, review.processInstanceId());
    }
}

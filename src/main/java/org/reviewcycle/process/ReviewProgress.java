package org.reviewcycle.process;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.reviewcycle.review.Review;
import org.reviewcycle.review.ReviewService;
import org.springframework.stereotype.Service;

/**
 * Where each review of a cycle stands in the engine, for admins: the open task and who has it, or
 * the date the review waits for. A review waiting for its mid-year or final-review date can be
 * brought forward (someone back from leave, a school that meets early): the timer becomes due now
 * and the job executor moves the review on.
 */
@Service
public class ReviewProgress {

    /** One review's place in the cycle. */
    public record Step(Review review, String stepName, String holder, Date waitingUntil, String timerJobId) {
    }

    private final ReviewService reviews;
    private final TaskService tasks;
    private final ManagementService management;
    private final RepositoryService repository;

    ReviewProgress(ReviewService reviews, TaskService tasks, ManagementService management,
            RepositoryService repository) {
        this.reviews = reviews;
        this.tasks = tasks;
        this.management = management;
        this.repository = repository;
    }

    public List<Step> stepsOf(long cycleId) {
        return reviews.reviewsIn(cycleId).stream().map(this::stepOf).toList();
    }

    public void bringForward(long reviewId) {
        Review review = reviews.find(reviewId)
                .orElseThrow(() -> new IllegalArgumentException("No review with id " + reviewId));
        Job timer = timerOf(review);
        if (timer == null) {
            throw new IllegalStateException("This review is not waiting for a date");
        }
        management.setJobDuedate(timer.getId(), new Date());
    }

    private Step stepOf(Review review) {
        if (review.processInstanceId() == null) {
            return new Step(review, "Not started", "", null, null);
        }
        List<Task> open = tasks.createTaskQuery().processInstanceId(review.processInstanceId()).list();
        if (!open.isEmpty()) {
            Task task = open.get(0);
            String holder = task.getAssignee() != null ? task.getAssignee()
                    : tasks.getIdentityLinksForTask(task.getId()).stream()
                            .filter(link -> link.getGroupId() != null).map(link -> "group " + link.getGroupId())
                            .findFirst().orElse("");
            return new Step(review, task.getName(), holder, null, null);
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

    private Job timerOf(Review review) {
        return review.processInstanceId() == null ? null
                : management.createJobQuery().processInstanceId(review.processInstanceId()).timers().singleResult();
    }
}

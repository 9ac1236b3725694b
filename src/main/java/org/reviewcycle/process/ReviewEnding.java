package org.reviewcycle.process;

import org.camunda.bpm.engine.RuntimeService;
import org.reviewcycle.review.ReviewService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ends a review before it is complete (its cycle closed, the person left the school): its process
 * instance is deleted with the reason, which the engine keeps in its history, and the review is
 * marked ENDED with the same reason in our record, in one transaction. Nothing written is removed.
 * Our own listeners do not run on the way out: ending is not completing a step.
 */
@Service
public class ReviewEnding {

    private final ReviewService reviews;
    private final RuntimeService runtime;

    ReviewEnding(ReviewService reviews, RuntimeService runtime) {
        this.reviews = reviews;
        this.runtime = runtime;
    }

    /** True when the review was running and has now ended; false when it had finished already. */
    @Transactional
    public boolean end(long reviewId, String reason) {
        var review = reviews.find(reviewId)
                .orElseThrow(() -> new IllegalArgumentException("No review with id " + reviewId));
        if (!reviews.markEnded(reviewId, reason)) {
            return false;
        }
        String instanceId = review.processInstanceId();
        if (instanceId != null
                && runtime.createProcessInstanceQuery().processInstanceId(instanceId).count() == 1) {
            runtime.deleteProcessInstance(instanceId, reason, true, true);
        }
        return true;
    }
}

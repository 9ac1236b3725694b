package org.reviewcycle.process;

import static org.reviewcycle.process.AnnualReviewCycleProcess.Variables;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.reviewcycle.review.ReviewService;
import org.springframework.stereotype.Component;

/** Event_ReviewComplete: the head has signed off; the review is complete. */
@Component("reviewCompleteListener")
class ReviewCompleteListener implements ExecutionListener {

    private final ReviewService reviews;

    ReviewCompleteListener(ReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public void notify(DelegateExecution execution) {
        reviews.complete(((Number) execution.getVariable(Variables.REVIEW_ID)).longValue());
    }
}

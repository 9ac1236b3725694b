package org.reviewcycle.process;

import static org.reviewcycle.process.AnnualReviewCycleProcess.Variables;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.reviewcycle.review.ReviewFacts;
import org.reviewcycle.review.ReviewService;
import org.springframework.stereotype.Component;

/**
 * Task_RevieweeSignOff, form RevieweeSignOff: the reviewee reads the final review, comments and signs,
 * in agreement or disagreeing with a reason; a disagreement sets {@code finalReviewDisagreed}, which
 * takes the review to the head's answer before the head's sign-off (Gateway_FinalReviewDisagreed).
 */
@Component("revieweeSignOffListener")
class RevieweeSignOffListener extends ReviewTaskListener {

    private final ReviewService reviews;

    RevieweeSignOffListener(ReviewForms forms, ReviewService reviews) {
        super(forms);
        this.reviews = reviews;
    }

    @Override
    List<String> inputs() {
        return List.of("revieweeComments", "disagree", "disagreementReason", "confirmRead");
    }

    @Override
    void prepare(DelegateTask task, ReviewFacts facts) {
        forms.showFinalReview(task, facts);
    }

    @Override
    void record(DelegateTask task, SubmittedForm form, ReviewFacts facts) {
        var signOff = reviews.signAsReviewee(facts.review().id(), form.text("revieweeComments", "Your comments"),
                form.bool("confirmRead", "I have read my review"), form.bool("disagree", "I disagree with my review"),
                form.text("disagreementReason", "Why you disagree with the review"));
        // a disagreement goes to the head before the sign-off (Task_RespondToFinalReviewDisagreement)
        task.getExecution().setVariable(Variables.FINAL_REVIEW_DISAGREED, signOff.disagrees());
    }
}

package org.reviewcycle.process;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.reviewcycle.review.ReviewFacts;
import org.reviewcycle.review.ReviewService;
import org.springframework.stereotype.Component;

/** Task_RevieweeSignOff, form RevieweeSignOff: the reviewee reads the final review, comments and signs. */
@Component("revieweeSignOffListener")
class RevieweeSignOffListener extends ReviewTaskListener {

    private final ReviewService reviews;

    RevieweeSignOffListener(ReviewForms forms, ReviewService reviews) {
        super(forms);
        this.reviews = reviews;
    }

    @Override
    List<String> inputs() {
        return List.of("revieweeComments", "confirmRead");
    }

    @Override
    void prepare(DelegateTask task, ReviewFacts facts) {
        forms.showFinalReview(task, facts);
    }

    @Override
    void record(DelegateTask task, SubmittedForm form, ReviewFacts facts) {
        reviews.signAsReviewee(facts.review().id(), form.text("revieweeComments", "Your comments"),
                form.bool("confirmRead", "I have read my review"));
    }
}

package org.reviewcycle.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.reviewcycle.review.DisagreementSubject;
import org.reviewcycle.review.ReviewFacts;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.review.RevieweeSignOff;
import org.springframework.stereotype.Component;

/**
 * Task_RespondToFinalReviewDisagreement, form RespondToFinalReviewDisagreement: the head answers the
 * reviewee's disagreement with their final review; the head's sign-off (Task_HeadSignOff) follows,
 * where the head can still return the review to the reviewer.
 */
@Component("respondToFinalReviewDisagreementListener")
class RespondToFinalReviewDisagreementListener extends DisagreementResponseListener {

    RespondToFinalReviewDisagreementListener(ReviewForms forms, ReviewService reviews, HeadAssignment heads) {
        super(forms, reviews, heads, DisagreementSubject.FINAL_REVIEW);
    }

    @Override
    void show(DelegateTask task, ReviewFacts facts) {
        forms.showFinalReview(task, facts);
        task.setVariableLocal("revieweeCommentsText", reviews.revieweeSignOff(facts.review().id())
                .map(RevieweeSignOff::comments).map(FormText::literal).orElse(""));
    }

    @Override
    void record(DelegateTask task, SubmittedForm form, ReviewFacts facts) {
        reviews.answerFinalReviewDisagreement(facts.review().id(), form.text("headResponse", "Your response"));
    }
}

package org.reviewcycle.process;

import static org.reviewcycle.process.AnnualReviewCycleProcess.Variables;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.reviewcycle.review.ReviewFacts;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.review.RevieweeSignOff;
import org.reviewcycle.review.SignOffDecision;
import org.springframework.stereotype.Component;

/**
 * Task_HeadSignOff, form HeadSignOff: the head moderates and signs off, or returns the final review. The
 * task goes to the school's head ({@link HeadAssignment}).
 */
@Component("headSignOffListener")
class HeadSignOffListener extends ReviewTaskListener {

    /** The form's option values. */
    enum Choice { SIGN_OFF, RETURN }

    private final ReviewService reviews;
    private final HeadAssignment heads;

    HeadSignOffListener(ReviewForms forms, ReviewService reviews, HeadAssignment heads) {
        super(forms);
        this.reviews = reviews;
        this.heads = heads;
    }

    @Override
    List<String> inputs() {
        return List.of("decision", "returnReason", "moderationNote");
    }

    @Override
    void prepare(DelegateTask task, ReviewFacts facts) {
        heads.assign(task, facts);
        forms.showFinalReview(task, facts);
        forms.showDecisionHistory(task, facts);
        task.setVariableLocal("disagreement", forms.disagreement(facts));
        task.setVariableLocal("revieweeCommentsText", reviews.revieweeSignOff(facts.review().id())
                .map(RevieweeSignOff::comments).map(FormText::literal).orElse(""));
    }

    @Override
    void record(DelegateTask task, SubmittedForm form, ReviewFacts facts) {
        Choice choice = form.choice("decision", "Decision", Choice.class);
        if (choice == null) {
            throw new IllegalArgumentException("Decision: choose whether to sign off or return the review");
        }
        var decision = reviews.moderate(facts.review().id(),
                choice == Choice.SIGN_OFF ? SignOffDecision.SIGNED_OFF : SignOffDecision.RETURNED,
                form.text("returnReason", "Reason for returning the review"),
                form.text("moderationNote", "Moderation note"));
        task.getExecution().setVariable(Variables.FINAL_REVIEW_SIGNED_OFF,
                decision.decision() == SignOffDecision.SIGNED_OFF);
    }
}

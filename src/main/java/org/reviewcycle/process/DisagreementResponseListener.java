package org.reviewcycle.process;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.reviewcycle.review.DisagreementSubject;
import org.reviewcycle.review.ReviewFacts;
import org.reviewcycle.review.ReviewService;

/**
 * The head's answer to a reviewee's disagreement (Task_RespondToObjectivesDisagreement,
 * Task_RespondToFinalReviewDisagreement). The task is named for the person ("Respond to Amy Clarke's
 * disagreement with the objectives"), goes to the school's head as their other tasks do
 * ({@link HeadAssignment}) and shows what the reviewee wrote; the answer is kept with the review
 * ({@link ReviewService#disagreements}).
 */
abstract class DisagreementResponseListener extends ReviewTaskListener {

    static final String RESPONSE = "headResponse";

    protected final ReviewService reviews;
    private final HeadAssignment heads;
    private final DisagreementSubject subject;

    DisagreementResponseListener(ReviewForms forms, ReviewService reviews, HeadAssignment heads,
            DisagreementSubject subject) {
        super(forms);
        this.reviews = reviews;
        this.heads = heads;
        this.subject = subject;
    }

    @Override
    String name(DelegateTask task, ReviewFacts facts) {
        return "Respond to " + facts.reviewee().fullName() + "'s disagreement with " + subject.words();
    }

    @Override
    List<String> inputs() {
        return List.of(RESPONSE);
    }

    @Override
    void prepare(DelegateTask task, ReviewFacts facts) {
        heads.assign(task, facts);
        var disagreement = reviews.latestDisagreement(facts.review().id(), subject).orElseThrow(() ->
                new IllegalStateException("Review " + facts.review().id() + " has no disagreement with " + subject.words()));
        task.setVariableLocal("disagreementReason", FormText.literal(disagreement.reason()));
        task.setVariableLocal("disagreedOn", disagreement.raisedAt() == null ? ""
                : ReviewForms.DAY_AND_TIME.format(disagreement.raisedAt()));
        show(task, facts);
    }

    /** What the reviewee disagreed with, for the form. */
    abstract void show(DelegateTask task, ReviewFacts facts);
}

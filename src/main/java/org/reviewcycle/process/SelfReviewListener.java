package org.reviewcycle.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.reviewcycle.objective.ObjectiveService;
import org.reviewcycle.review.ReviewFacts;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.review.SelfReviewEntry;
import org.springframework.stereotype.Component;

/**
 * Task_SelfReview, form SelfReview: before the final review the reviewee writes, against each
 * objective, what they achieved and their evidence, and an overall view. The form lists the
 * objectives with their success criteria and shows the mid-year progress; the reviewer's final
 * review form shows what was written (FinalReviewListener).
 */
@Component("selfReviewListener")
class SelfReviewListener extends ReviewTaskListener {

    static final String SELF_REVIEW = "selfReview";

    private final ReviewService reviews;
    private final ObjectiveService objectives;

    SelfReviewListener(ReviewForms forms, ReviewService reviews, ObjectiveService objectives) {
        super(forms);
        this.reviews = reviews;
        this.objectives = objectives;
    }

    @Override
    List<String> inputs() {
        return List.of("overall");
    }

    @Override
    List<String> listInputs() {
        return List.of(SELF_REVIEW);
    }

    @Override
    void prepare(DelegateTask task, ReviewFacts facts) {
        forms.showMidYearProgress(task, facts);
        ReviewForms.showList(task, SELF_REVIEW, objectives.currentObjectives(facts.review().id()).stream()
                .map(o -> ReviewForms.row("position", o.position(), "title", o.title(),
                        "successCriteria", o.successCriteria(), "achieved", "", "evidence", ""))
                .toList());
    }

    @Override
    void record(DelegateTask task, SubmittedForm form, ReviewFacts facts) {
        var entries = new ArrayList<SelfReviewEntry>();
        for (SubmittedForm entry : form.list(SELF_REVIEW, "Your self-review")) {
            Integer position = entry.integer("position", "Your self-review: the objective number");
            if (position == null) {
                throw new IllegalArgumentException("Your self-review: every entry needs its objective number");
            }
            String label = "Objective " + position;
            entries.add(new SelfReviewEntry(position, entry.text("achieved", label + ": what you achieved"),
                    entry.text("evidence", label + ": your evidence")));
        }
        reviews.recordSelfReview(facts.review().id(), entries, form.text("overall", "Overall"));
    }
}

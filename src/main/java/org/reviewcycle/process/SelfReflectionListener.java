package org.reviewcycle.process;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.reviewcycle.review.ReviewFacts;
import org.reviewcycle.review.ReviewService;
import org.springframework.stereotype.Component;

/** Task_SelfReflection, form SelfReflection: the reviewee's thoughts before the planning meeting. */
@Component("selfReflectionListener")
class SelfReflectionListener extends ReviewTaskListener {

    private final ReviewService reviews;

    SelfReflectionListener(ReviewForms forms, ReviewService reviews) {
        super(forms);
        this.reviews = reviews;
    }

    @Override
    List<String> inputs() {
        return List.of("strengths", "developmentWishes", "objectiveIdeas");
    }

    @Override
    void prepare(DelegateTask task, ReviewFacts facts) {
        // the form shows only the common facts
    }

    @Override
    void record(DelegateTask task, SubmittedForm form, ReviewFacts facts) {
        reviews.recordSelfReflection(facts.review().id(), form.text("strengths", "Strengths"),
                form.text("developmentWishes", "What you want to develop"),
                form.text("objectiveIdeas", "Ideas for objectives"));
    }
}

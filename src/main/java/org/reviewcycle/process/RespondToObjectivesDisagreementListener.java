package org.reviewcycle.process;

import static org.reviewcycle.process.AnnualReviewCycleProcess.Variables;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.reviewcycle.review.DisagreementSubject;
import org.reviewcycle.review.ReviewFacts;
import org.reviewcycle.review.ReviewService;
import org.springframework.stereotype.Component;

/**
 * Task_RespondToObjectivesDisagreement, form RespondToObjectivesDisagreement: the head answers the
 * reviewee's disagreement with their approved objectives, and decides whether the objectives stand
 * (the review goes on to the mid-year check) or go back to the planning meeting (Gateway_ObjectivesStand).
 */
@Component("respondToObjectivesDisagreementListener")
class RespondToObjectivesDisagreementListener extends DisagreementResponseListener {

    /** The form's option values. */
    enum Choice { STAND, PLANNING_MEETING }

    RespondToObjectivesDisagreementListener(ReviewForms forms, ReviewService reviews, HeadAssignment heads) {
        super(forms, reviews, heads, DisagreementSubject.OBJECTIVES);
    }

    @Override
    List<String> inputs() {
        return List.of("objectivesDecision", "headResponse");
    }

    @Override
    void show(DelegateTask task, ReviewFacts facts) {
        forms.showObjectives(task, facts);
    }

    @Override
    void record(DelegateTask task, SubmittedForm form, ReviewFacts facts) {
        Choice choice = form.choice("objectivesDecision", "Decision", Choice.class);
        if (choice == null) {
            throw new IllegalArgumentException("Decision: choose whether the objectives stand or go back to the planning meeting");
        }
        var answer = reviews.answerObjectivesDisagreement(facts.review().id(), form.text("headResponse", "Your response"),
                choice == Choice.STAND);
        task.getExecution().setVariable(Variables.OBJECTIVES_STAND, answer.objectivesStand());
    }
}

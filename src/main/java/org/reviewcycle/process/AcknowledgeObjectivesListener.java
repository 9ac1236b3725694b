package org.reviewcycle.process;

import static org.reviewcycle.process.AnnualReviewCycleProcess.Variables;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.reviewcycle.objective.ObjectiveService;
import org.reviewcycle.objective.Response;
import org.reviewcycle.review.ReviewFacts;
import org.springframework.stereotype.Component;

/**
 * Task_AcknowledgeObjectives, form AcknowledgeObjectives: the reviewee acknowledges or disagrees; a
 * disagreement sets {@code objectivesDisagreed}, which takes the review to the head's answer
 * (Gateway_ObjectivesDisagreed).
 */
@Component("acknowledgeObjectivesListener")
class AcknowledgeObjectivesListener extends ReviewTaskListener {

    /** The form's option values. */
    enum Choice { ACKNOWLEDGE, DISAGREE }

    private final ObjectiveService objectives;

    AcknowledgeObjectivesListener(ReviewForms forms, ObjectiveService objectives) {
        super(forms);
        this.objectives = objectives;
    }

    @Override
    List<String> inputs() {
        return List.of("response", "disagreementReason");
    }

    @Override
    void prepare(DelegateTask task, ReviewFacts facts) {
        forms.showObjectives(task, facts);
    }

    @Override
    void record(DelegateTask task, SubmittedForm form, ReviewFacts facts) {
        Choice choice = form.choice("response", "Response", Choice.class);
        if (choice == null) {
            throw new IllegalArgumentException("Response: choose whether you acknowledge or disagree with the objectives");
        }
        var response = objectives.respond(facts.review().id(),
                choice == Choice.ACKNOWLEDGE ? Response.ACKNOWLEDGED : Response.DISAGREED,
                form.text("disagreementReason", "Reason for disagreeing"));
        // a disagreement goes to the head at once (Task_RespondToObjectivesDisagreement)
        task.getExecution().setVariable(Variables.OBJECTIVES_DISAGREED, response.response() == Response.DISAGREED);
    }
}

package org.reviewcycle.process;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.reviewcycle.objective.ObjectiveService;
import org.reviewcycle.objective.Response;
import org.reviewcycle.review.ReviewFacts;
import org.springframework.stereotype.Component;

/** Task_AcknowledgeObjectives, form AcknowledgeObjectives: the reviewee acknowledges or disagrees. */
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
        objectives.respond(facts.review().id(), choice == Choice.ACKNOWLEDGE ? Response.ACKNOWLEDGED : Response.DISAGREED,
                form.text("disagreementReason", "Reason for disagreeing"));
    }
}

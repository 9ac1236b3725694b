package org.reviewcycle.process;

import static org.reviewcycle.process.AnnualReviewCycleProcess.Variables;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.reviewcycle.objective.Decision;
import org.reviewcycle.objective.ObjectiveService;
import org.reviewcycle.review.ReviewFacts;
import org.springframework.stereotype.Component;

/**
 * Task_ApproveObjectives, form ApproveObjectives: the head approves the objectives or returns them. The
 * task goes to the school's head ({@link HeadAssignment}).
 */
@Component("approveObjectivesListener")
class ApproveObjectivesListener extends ReviewTaskListener {

    /** The form's option values. */
    enum Choice { APPROVE, RETURN }

    private final ObjectiveService objectives;
    private final HeadAssignment heads;

    ApproveObjectivesListener(ReviewForms forms, ObjectiveService objectives, HeadAssignment heads) {
        super(forms);
        this.objectives = objectives;
        this.heads = heads;
    }

    @Override
    List<String> inputs() {
        return List.of("decision", "returnReason");
    }

    @Override
    void prepare(DelegateTask task, ReviewFacts facts) {
        heads.assign(task, facts);
        forms.showObjectives(task, facts);
        forms.showDecisionHistory(task, facts);
        task.setVariableLocal("disagreement", forms.disagreement(facts));
        task.setVariableLocal("changedAtMidYear", Boolean.TRUE.equals(task.getVariable(Variables.MID_YEAR_CHECK_DONE)));
    }

    @Override
    void record(DelegateTask task, SubmittedForm form, ReviewFacts facts) {
        Choice choice = form.choice("decision", "Decision", Choice.class);
        if (choice == null) {
            throw new IllegalArgumentException("Decision: choose whether to approve or return the objectives");
        }
        var decision = objectives.decide(facts.review().id(),
                choice == Choice.APPROVE ? Decision.APPROVED : Decision.RETURNED,
                form.text("returnReason", "Reason for returning the objectives"));
        task.getExecution().setVariable(Variables.OBJECTIVES_APPROVED, decision.decision() == Decision.APPROVED);
    }
}

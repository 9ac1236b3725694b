package org.reviewcycle.process;

import static org.reviewcycle.process.AnnualReviewCycleProcess.Variables;

import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_DecideReviewPlan: asks the DMN decision ReviewPlan (bpmn/ReviewPlan.dmn, which an admin can
 * edit) how many lesson observations the reviewee's category has and whether a pay recommendation
 * is due, and keeps both answers as decisions for the model's gateways and forms.
 */
@Component("decideReviewPlanDelegate")
class DecideReviewPlanDelegate implements JavaDelegate {

    private final DecisionService decisions;

    DecideReviewPlanDelegate(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Map<String, Object> plan = decisions.evaluateDecisionTableByKey(AnnualReviewCycleProcess.REVIEW_PLAN_DECISION,
                Map.of(Variables.STAFF_CATEGORY, execution.getVariable(Variables.STAFF_CATEGORY))).getSingleResult();
        if (plan == null) {
            throw new IllegalStateException("The ReviewPlan decision has no rule for staff category "
                    + execution.getVariable(Variables.STAFF_CATEGORY));
        }
        execution.setVariable(Variables.OBSERVATION_COUNT, ((Number) plan.get(Variables.OBSERVATION_COUNT)).intValue());
        execution.setVariable(Variables.PAY_RECOMMENDATION_DUE, Boolean.TRUE.equals(plan.get(Variables.PAY_RECOMMENDATION_DUE)));
    }
}

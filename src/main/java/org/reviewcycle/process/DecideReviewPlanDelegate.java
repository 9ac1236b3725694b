package org.reviewcycle.process;

import static org.reviewcycle.process.AnnualReviewCycleProcess.Variables;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.reviewcycle.common.TransactionMemo;
import org.springframework.stereotype.Component;

/**
 * Task_DecideReviewPlan, once the year's objectives are settled (after the mid-year check): asks
 * the DMN decision ReviewPlan (bpmn/ReviewPlan.dmn, which an admin can edit) how many lesson
 * observations the reviewee's category has and whether a pay recommendation is due, and keeps both
 * answers as decisions for the model's gateways and forms. Not at the launch: nothing before the
 * observations needs them, and a launch then writes two variables fewer per review.
 */
@Component("decideReviewPlanDelegate")
class DecideReviewPlanDelegate implements JavaDelegate {

    private final DecisionService decisions;
    private final RepositoryService repository;
    /**
     * The latest version of ReviewPlan per school (tenant), looked up once per transaction (a launch
     * starts fifty reviews in one).
     */
    private final TransactionMemo latestPlan = new TransactionMemo("latest ReviewPlan");
    /**
     * The answer of each deployed version of ReviewPlan for each staff category. The model gives the
     * decision the staff category and nothing else, so a version's answer for a category never
     * changes; evaluating the DMN (its FEEL expressions) costs more than the rest of a review's
     * start. A new deployment is a new version, asked afresh.
     */
    private final Map<List<String>, Optional<Map<String, Object>>> answers = new ConcurrentHashMap<>();
    /** Far more than the versions and categories a trust has: enough to ask each once. */
    private static final int MAX_ANSWERS = 10_000;

    DecideReviewPlanDelegate(DecisionService decisions, RepositoryService repository) {
        this.decisions = decisions;
        this.repository = repository;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String category = (String) execution.getVariable(Variables.STAFF_CATEGORY);
        String tenant = execution.getTenantId();
        String definitionId = latestPlan.computeIfAbsent(String.valueOf(tenant), () -> latestPlanOf(tenant));
        if (answers.size() > MAX_ANSWERS) {
            answers.clear(); // every dry run (dryrun.DryRunService) deploys a version of its own
        }
        Map<String, Object> plan = answers.computeIfAbsent(List.of(definitionId, String.valueOf(category)),
                key -> Optional.ofNullable(decisions.evaluateDecisionTableById(definitionId,
                        Map.of(Variables.STAFF_CATEGORY, category)).getSingleResult())
                        .map(result -> Collections.unmodifiableMap(new HashMap<>(result))))
                .orElseThrow(() -> new IllegalStateException(
                "The ReviewPlan decision has no rule for staff category " + category));
        execution.setVariable(Variables.OBSERVATION_COUNT, ((Number) plan.get(Variables.OBSERVATION_COUNT)).intValue());
        execution.setVariable(Variables.PAY_RECOMMENDATION_DUE, Boolean.TRUE.equals(plan.get(Variables.PAY_RECOMMENDATION_DUE)));
    }

    /**
     * The school's own ReviewPlan, deployed with its cycle (SchoolDeployments); a model deployed
     * without a school (a process test's @Deployment) reads the decision deployed beside it.
     */
    private String latestPlanOf(String tenant) {
        var query = repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey(AnnualReviewCycleProcess.REVIEW_PLAN_DECISION).latestVersion();
        var plan = (tenant == null ? query.withoutTenantId() : query.tenantIdIn(tenant)).singleResult();
        if (plan == null) {
            throw new IllegalStateException("The cycle has no decision with the id "
                    + AnnualReviewCycleProcess.REVIEW_PLAN_DECISION
                    + ", so the review plan (the observations and the pay recommendation due) cannot be worked out");
        }
        return plan.getId();
    }
}

package org.reviewcycle.process;

import static org.reviewcycle.process.AnnualReviewCycleProcess.Elements;
import static org.reviewcycle.process.AnnualReviewCycleProcess.Variables;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.reviewcycle.objective.Objective;
import org.reviewcycle.objective.ObjectiveService;
import org.reviewcycle.observation.ObservationService;
import org.reviewcycle.review.FinalReviewDecision;
import org.reviewcycle.review.FinalReviewDraft;
import org.reviewcycle.review.Outcome;
import org.reviewcycle.review.OutcomeEntry;
import org.reviewcycle.review.PayRecommendation;
import org.reviewcycle.review.ReviewFacts;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.review.SignOffDecision;
import org.springframework.stereotype.Component;

/**
 * Task_FinalReview, form FinalReview: outcomes per objective, the impact section, CPD, next
 * year's needs and, for teachers, the pay recommendation. The form shows the mid-year progress,
 * the observations, the reviewee's self-review (or that it was not written by its due date) and,
 * after a return, the head's reason.
 */
@Component("finalReviewListener")
class FinalReviewListener extends ReviewTaskListener {

    static final String OUTCOMES = "outcomes";
    /** True when the form says the self-review was not written by its due date (form FinalReview). */
    static final String SELF_REVIEW_NOT_WRITTEN = "selfReviewNotWritten";

    private final ReviewService reviews;
    private final ObjectiveService objectives;
    private final ObservationService observations;

    FinalReviewListener(ReviewForms forms, ReviewService reviews, ObjectiveService objectives,
            ObservationService observations) {
        super(forms);
        this.reviews = reviews;
        this.objectives = objectives;
        this.observations = observations;
    }

    @Override
    List<String> inputs() {
        return List.of("impactOnPupils", "impactOnPractice", "impactOnColleagues", "cpdUndertaken",
                "cpdImpact", "developmentNeeds", "payRecommendation", "payReason");
    }

    @Override
    List<String> listInputs() {
        return List.of(OUTCOMES);
    }

    @Override
    void prepare(DelegateTask task, ReviewFacts facts) {
        long reviewId = facts.review().id();
        List<Objective> current = objectives.currentObjectives(reviewId);
        forms.showObjectives(task, facts);
        task.setVariableLocal("returnReason", reviews.finalReviewDecisions(reviewId).stream()
                .reduce((first, second) -> second)
                .filter(d -> d.decision() == SignOffDecision.RETURNED)
                .map(FinalReviewDecision::reason).map(FormText::literal).orElse(""));
        forms.showMidYearProgress(task, facts);
        // the reviewee's self-review (Task_SelfReview), written for this meeting
        ReviewForms.showList(task, "selfReviewTable", reviews.selfReviewObjectives(reviewId).stream()
                .map(o -> ReviewForms.row("position", o.position(), "title", o.title(), "achieved", o.achieved(),
                        "evidence", ReviewForms.text(o.evidence())))
                .toList());
        task.setVariableLocal("selfReviewOverallText", reviews.selfReview(reviewId)
                .map(r -> FormText.literal(r.overall())).orElse(""));
        task.setVariableLocal(SELF_REVIEW_NOT_WRITTEN, selfReviewNotWritten(task, reviewId));
        ReviewForms.showList(task, "observationsTable", observations.observationsOf(reviewId).stream()
                .map(o -> ReviewForms.row("date", ReviewForms.DAY.format(o.observedOn()), "judgement", o.judgement().label(),
                        "strengths", o.strengths(), "areasToDevelop", o.areasToDevelop()))
                .toList());
        task.setVariableLocal("payRecommendationDue",
                Boolean.TRUE.equals(task.getVariable(Variables.PAY_RECOMMENDATION_DUE)));
        ReviewForms.showList(task, OUTCOMES, current.stream()
                // each objective's success criteria beside its outcome: the outcome is judged against them
                .map(o -> ReviewForms.row("position", o.position(), "title", o.title(),
                        "successCriteria", o.successCriteria(), "outcome", null, "evidence", ""))
                .toList());
    }

    /**
     * The review came here without a self-review: in a model with Task_SelfReview that happens only
     * when its timer (Boundary_SelfReviewNotWritten) carried the review on, the reviewee having written
     * nothing by the due date. A school's model without a self-review step has nothing to say here.
     */
    private boolean selfReviewNotWritten(DelegateTask task, long reviewId) {
        boolean modelAsksForOne = task.getBpmnModelInstance().getModelElementById(Elements.SELF_REVIEW) != null;
        return modelAsksForOne && reviews.selfReview(reviewId).isEmpty();
    }

    @Override
    void record(DelegateTask task, SubmittedForm form, ReviewFacts facts) {
        var outcomes = new ArrayList<OutcomeEntry>();
        for (SubmittedForm entry : form.list(OUTCOMES, "Outcomes")) {
            Integer position = entry.integer("position", "Outcomes: the objective number");
            if (position == null) {
                throw new IllegalArgumentException("Outcomes: every entry needs its objective number");
            }
            String label = "Objective " + position;
            outcomes.add(new OutcomeEntry(position, entry.choice("outcome", label + ": the outcome", Outcome.class),
                    entry.text("evidence", label + ": the evidence")));
        }
        reviews.recordFinalReview(facts.review().id(), new FinalReviewDraft(outcomes,
                form.text("impactOnPupils", "Impact on pupils"),
                form.text("impactOnPractice", "Impact on own practice"),
                form.text("impactOnColleagues", "Impact on colleagues and the school"),
                form.text("cpdUndertaken", "CPD undertaken"), form.text("cpdImpact", "Impact of the CPD"),
                form.text("developmentNeeds", "Development needs for next year"),
                form.choice("payRecommendation", "Pay recommendation", PayRecommendation.class),
                form.text("payReason", "Reason for the pay recommendation")),
                Boolean.TRUE.equals(task.getVariable(Variables.PAY_RECOMMENDATION_DUE)));
    }
}

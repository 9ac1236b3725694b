package org.reviewcycle.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.reviewcycle.objective.Objective;
import org.reviewcycle.objective.ObjectiveDraft;
import org.reviewcycle.objective.ObjectiveService;
import org.reviewcycle.review.ReviewFacts;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.school.SchoolService;
import org.springframework.stereotype.Component;

/**
 * Task_PlanningMeeting, form PlanningMeeting: the team leader records the objectives. The form is
 * prefilled with the objectives the head returned, or else with the joint objectives the team
 * leader has already set for the team this cycle. Above the objectives it shows, read-only, those
 * of the previous year that were not met, as suggestions to carry forward.
 */
@Component("planningMeetingListener")
class PlanningMeetingListener extends ReviewTaskListener {

    static final String OBJECTIVES = "objectives";

    private final ObjectiveService objectives;
    private final ReviewService reviews;
    private final SchoolService schools;

    PlanningMeetingListener(ReviewForms forms, ObjectiveService objectives, ReviewService reviews,
            SchoolService schools) {
        super(forms);
        this.objectives = objectives;
        this.reviews = reviews;
        this.schools = schools;
    }

    @Override
    List<String> inputs() {
        return List.of();
    }

    @Override
    List<String> listInputs() {
        return List.of(OBJECTIVES);
    }

    @Override
    void prepare(DelegateTask task, ReviewFacts facts) {
        long reviewId = facts.review().id();
        var reflection = reviews.selfReflection(reviewId);
        task.setVariableLocal("selfReflectionStrengths", reflection.map(r -> FormText.literal(r.strengths())).orElse(""));
        task.setVariableLocal("selfReflectionDevelopment",
                reflection.map(r -> FormText.literal(r.developmentWishes())).orElse(""));
        task.setVariableLocal("selfReflectionIdeas", reflection.map(r -> FormText.literal(r.objectiveIdeas())).orElse(""));
        task.setVariableLocal("returnReason", forms.lastReturnReason(facts));
        forms.showDecisionHistory(task, facts);
        forms.showPriorities(task, facts);
        showCarriedForward(task, reviewId);
        var team = objectives.jointObjectiveTeam(reviewId);
        task.setVariableLocal("canSetJointObjective", team.isPresent());

        List<Objective> prefill = objectives.currentObjectives(reviewId);
        if (prefill.isEmpty()) {
            prefill = objectives.jointObjectivesOffered(reviewId);
        }
        if (prefill.isEmpty()) {
            ReviewForms.showList(task, OBJECTIVES, List.of(ReviewForms.row("joint", false)));
        } else {
            var codes = new java.util.HashMap<Long, String>();
            schools.priorities(facts.school().id()).forEach(p -> codes.put(p.id(), p.code()));
            var rows = new ArrayList<Map<String, Object>>();
            for (Objective o : prefill) {
                rows.add(ReviewForms.row("title", o.title(), "priorityCode", codes.get(o.priorityId()),
                        "successCriteria", o.successCriteria(), "evidence", o.evidence(),
                        "cpdSupport", ReviewForms.text(o.cpdSupport()), "joint", o.joint()));
            }
            ReviewForms.showList(task, OBJECTIVES, rows);
        }
    }

    private void showCarriedForward(DelegateTask task, long reviewId) {
        var carried = reviews.objectivesToCarryForward(reviewId);
        ReviewForms.showList(task, "carriedForward", carried.stream()
                .map(c -> ReviewForms.row("title", c.title(), "successCriteria", c.successCriteria(),
                        "outcome", c.outcome().label(), "evidence", c.evidence()))
                .toList());
        task.setVariableLocal("carriedForwardYear",
                carried.isEmpty() ? "" : FormText.literal(carried.get(0).academicYear()));
    }

    @Override
    void record(DelegateTask task, SubmittedForm form, ReviewFacts facts) {
        var drafts = new ArrayList<ObjectiveDraft>();
        List<SubmittedForm> entries = form.list(OBJECTIVES, "Objectives");
        for (int i = 0; i < entries.size(); i++) {
            SubmittedForm entry = entries.get(i);
            String label = "Objective " + (i + 1);
            drafts.add(new ObjectiveDraft(entry.text("title", label + ": the objective"),
                    entry.text("priorityCode", label + ": the school improvement priority"),
                    entry.text("successCriteria", label + ": the success criteria"),
                    entry.text("evidence", label + ": the evidence"),
                    entry.text("cpdSupport", label + ": the CPD and support"),
                    entry.bool("joint", label + ": joint objective")));
        }
        objectives.submitObjectives(facts.review().id(), drafts);
    }
}

package org.reviewcycle.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;
import org.reviewcycle.objective.Objective;
import org.reviewcycle.objective.ObjectiveDraft;
import org.reviewcycle.objective.ObjectiveService;
import org.reviewcycle.objective.TeamObjectivesChanged;
import org.reviewcycle.review.DisagreementSubject;
import org.reviewcycle.review.Review;
import org.reviewcycle.review.ReviewFacts;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Task_PlanningMeeting, form PlanningMeeting: the team leader records the objectives. The form is
 * prefilled with the objectives the head returned, or else with the joint objectives the team
 * leader has already set for the team this cycle. Above the objectives it shows, read-only, those
 * of the previous year that were not met and the CPD needs found then (at lesson observations and in
 * the final review), as suggestions to carry forward, and the joint objectives
 * the leaders of the reviewee's teams proposed for the year, to tick into the objectives (checklist
 * teamObjectives; ticked already when the returned round had them). When a leader changes those
 * proposals, planning meetings already open show the new list. When the head sent the objectives
 * back after the reviewee disagreed with them, the form shows the disagreement and the head's response.
 */
@Component("planningMeetingListener")
class PlanningMeetingListener extends ReviewTaskListener {

    static final String OBJECTIVES = "objectives";
    static final String TEAM_OBJECTIVES = "teamObjectives";
    static final String TEAM_OBJECTIVES_TABLE = "teamObjectivesTable";
    static final String TEAM_OBJECTIVE_OPTIONS = "teamObjectiveOptions";

    private final ObjectiveService objectives;
    private final ReviewService reviews;
    private final SchoolService schools;
    private final StaffService staff;
    private final TaskService tasks;

    PlanningMeetingListener(ReviewForms forms, ObjectiveService objectives, ReviewService reviews,
            SchoolService schools, StaffService staff, TaskService tasks) {
        super(forms);
        this.objectives = objectives;
        this.reviews = reviews;
        this.schools = schools;
        this.staff = staff;
        this.tasks = tasks;
    }

    @Override
    List<String> inputs() {
        return List.of();
    }

    @Override
    List<String> listInputs() {
        return List.of(OBJECTIVES, TEAM_OBJECTIVES);
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
        task.setVariableLocal("reopenedText", reopenedAfterDisagreement(reviewId));
        forms.showDecisionHistory(task, facts);
        forms.showPriorities(task, facts);
        showCarriedForward(task, reviewId);
        var team = objectives.jointObjectiveTeam(reviewId);
        task.setVariableLocal("canSetJointObjective", team.isPresent());

        List<Objective> current = objectives.currentObjectives(reviewId);
        var suggestions = teamObjectiveSuggestions(reviewId);
        ReviewForms.showList(task, TEAM_OBJECTIVES_TABLE, suggestions.get(TEAM_OBJECTIVES_TABLE));
        ReviewForms.showList(task, TEAM_OBJECTIVE_OPTIONS, suggestions.get(TEAM_OBJECTIVE_OPTIONS));
        // the proposals the returned round took stay ticked; the rest of it is prefilled below
        ReviewForms.showList(task, TEAM_OBJECTIVES, current.stream().map(Objective::teamObjectiveId)
                .filter(Objects::nonNull).map(String::valueOf).toList());
        List<Objective> prefill = current.stream().filter(o -> o.teamObjectiveId() == null).toList();
        if (current.isEmpty()) {
            prefill = objectives.jointObjectivesOffered(reviewId);
        }
        if (prefill.isEmpty() && current.isEmpty()) {
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

    /** The joint objectives proposed for the reviewee's teams: a table to read and the checklist's options. */
    private Map<String, List<Map<String, Object>>> teamObjectiveSuggestions(long reviewId) {
        var offered = objectives.teamObjectivesOffered(reviewId);
        return Map.of(
                TEAM_OBJECTIVES_TABLE, offered.stream()
                        .map(p -> ReviewForms.row("team", p.team(), "title", p.objective().title(),
                                "priority", p.priority(), "successCriteria", p.objective().successCriteria(),
                                "evidence", p.objective().evidence(), "proposedBy", p.proposedBy()))
                        .toList(),
                TEAM_OBJECTIVE_OPTIONS, offered.stream()
                        .map(p -> ReviewForms.row("label", p.team() + ": " + p.objective().title(),
                                "value", String.valueOf(p.objective().id())))
                        .toList());
    }

    /**
     * A team's leader proposed, changed or withdrew a joint objective: the planning meetings of
     * the team's members in that cycle that are open now offer the new list (the objectives ticked
     * or typed so far are the form's, and stay).
     */
    @EventListener
    void teamObjectivesChanged(TeamObjectivesChanged event) {
        for (long memberId : staff.teamMemberIds(event.teamId())) {
            for (Review review : reviews.runningReviewsOf(memberId)) {
                if (review.cycleId() != event.cycleId() || review.processInstanceId() == null) {
                    continue;
                }
                for (Task task : tasks.createTaskQuery().processInstanceId(review.processInstanceId())
                        .taskDefinitionKey(AnnualReviewCycleProcess.Elements.PLANNING_MEETING).list()) {
                    teamObjectiveSuggestions(review.id()).forEach((name, rows) ->
                            tasks.setVariableLocal(task.getId(), name, ReviewForms.jsonList(name, rows)));
                }
            }
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

        // CPD needs found last year, at lesson observations and in the final review
        var needs = reviews.cpdNeedsToCarryForward(reviewId);
        ReviewForms.showList(task, "cpdNeedsCarried", needs.stream()
                .map(n -> ReviewForms.row("foundIn", n.fromObservation()
                                ? "Lesson observation, " + ReviewForms.DAY.format(n.observedOn())
                                : "Final review " + n.academicYear(),
                        "need", n.need()))
                .toList());
        task.setVariableLocal("cpdNeedsYear", needs.isEmpty() ? "" : FormText.literal(needs.get(0).academicYear()));
    }

    /**
     * After the head answered the reviewee's disagreement by sending the objectives back to this
     * meeting: what the reviewee said and the head's response, for a text component; empty otherwise.
     */
    private String reopenedAfterDisagreement(long reviewId) {
        int round = objectives.currentObjectives(reviewId).stream().mapToInt(Objective::round).max().orElse(0);
        return reviews.latestDisagreement(reviewId, DisagreementSubject.OBJECTIVES)
                .filter(d -> Boolean.FALSE.equals(d.objectivesStand()) && d.round() == round)
                .map(d -> "**Why " + FormText.literal(d.raisedByName() == null ? "the reviewee" : d.raisedByName())
                        + " disagreed:** " + FormText.literal(d.reason()) + "\n\n**The head's response:** "
                        + FormText.literal(d.response()))
                .orElse("");
    }

    @Override
    void record(DelegateTask task, SubmittedForm form, ReviewFacts facts) {
        List<Long> taken = form.integers(TEAM_OBJECTIVES, "Joint team objectives").stream()
                .map(Integer::longValue).toList();
        var drafts = new ArrayList<ObjectiveDraft>();
        List<SubmittedForm> entries = form.list(OBJECTIVES, "Objectives");
        for (int i = 0; i < entries.size(); i++) {
            SubmittedForm entry = entries.get(i);
            String label = "Objective " + (taken.size() + i + 1);
            drafts.add(new ObjectiveDraft(entry.text("title", label + ": the objective"),
                    entry.text("priorityCode", label + ": the school improvement priority"),
                    entry.text("successCriteria", label + ": the success criteria"),
                    entry.text("evidence", label + ": the evidence"),
                    entry.text("cpdSupport", label + ": the CPD and support"),
                    entry.bool("joint", label + ": joint objective")));
        }
        objectives.submitObjectives(facts.review().id(), taken, drafts);
    }
}

package org.reviewcycle.objective;

import static org.reviewcycle.common.Checks.optionalText;
import static org.reviewcycle.common.Checks.requireText;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.reviewcycle.common.CurrentActor;
import org.reviewcycle.school.SchoolPriority;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.staff.Team;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The entry point for objectives: what the planning meeting records, what the head decides, what
 * the reviewee answers, and changes at the mid-year check. Every rule about objectives is here.
 */
@Service
@Transactional
public class ObjectiveService {

    public static final int MAX_OBJECTIVES = 5;
    /** The longest objective; the forms show the same (FormLimitsTest). */
    public static final int TITLE_LENGTH = 300;
    /** The longest free text a form field takes here; the forms show the same (FormLimitsTest). */
    public static final int TEXT_LENGTH = 2000;

    private final ObjectiveMapper objectives;
    private final SchoolService schools;
    private final StaffService staff;
    private final CurrentActor actor;

    ObjectiveService(ObjectiveMapper objectives, SchoolService schools, StaffService staff, CurrentActor actor) {
        this.objectives = objectives;
        this.schools = schools;
        this.staff = staff;
        this.actor = actor;
    }

    /**
     * Records the objectives agreed in a planning meeting as a new round, awaiting the head's
     * approval: 1 to 5, each serving one of the school's priorities, with success criteria and
     * evidence. A joint objective is shared with the team the reviewer leads and the reviewee is in.
     */
    public List<Objective> submitObjectives(long reviewId, List<ObjectiveDraft> drafts) {
        ReviewScope scope = scope(reviewId);
        if (drafts == null || drafts.isEmpty()) {
            throw new IllegalArgumentException("Objectives: record at least one objective");
        }
        if (drafts.size() > MAX_OBJECTIVES) {
            throw new IllegalArgumentException("Objectives: at most " + MAX_OBJECTIVES + " objectives, not "
                    + drafts.size());
        }
        Map<String, SchoolPriority> priorities = schools.priorities(scope.schoolId()).stream()
                .collect(Collectors.toMap(SchoolPriority::code, Function.identity()));
        int round = objectives.selectCurrentRound(reviewId) + 1;
        var checked = new ArrayList<Objective>();
        for (int i = 0; i < drafts.size(); i++) {
            ObjectiveDraft draft = drafts.get(i);
            String label = "Objective " + (i + 1);
            if (draft == null) {
                throw new IllegalArgumentException(label + ": is empty");
            }
            if (draft.priorityCode() == null || draft.priorityCode().isBlank()) {
                throw new IllegalArgumentException(label + ": choose the school improvement priority it serves");
            }
            SchoolPriority priority = priorities.get(draft.priorityCode().strip());
            if (priority == null) {
                throw new IllegalArgumentException(label + ": '" + draft.priorityCode()
                        + "' is not one of the school's improvement priorities (" + String.join(", ", priorities.keySet()) + ")");
            }
            Long teamId = draft.joint() ? jointTeam(scope, label) : null;
            var objective = new Objective(null, reviewId, round, i + 1, priority.id(),
                    requireText(label + ": the objective", draft.title(), TITLE_LENGTH),
                    requireText(label + ": the success criteria", draft.successCriteria(), TEXT_LENGTH),
                    requireText(label + ": the evidence", draft.evidence(), TEXT_LENGTH),
                    optionalText(label + ": the CPD and support", draft.cpdSupport(), TEXT_LENGTH), teamId);
            checked.add(objective);
        }
        checked.forEach(objective -> objectives.insertObjective(objective, actor.username()));
        return objectives.selectRound(reviewId, round);
    }

    /** The head approves the current round, or returns it with a reason. */
    public ObjectiveDecision decide(long reviewId, Decision decision, String reason) {
        int round = requireRound(reviewId);
        if (decision == null) {
            throw new IllegalArgumentException("Decision: choose whether to approve or return the objectives");
        }
        String why = decision == Decision.RETURNED
                ? requireText("Reason for returning the objectives", reason, TEXT_LENGTH)
                : optionalText("Reason", reason, TEXT_LENGTH);
        if (objectives.selectDecisions(reviewId).stream().anyMatch(d -> d.round() == round)) {
            throw new IllegalStateException("These objectives have been decided already");
        }
        var recorded = new ObjectiveDecision(reviewId, round, decision, why, actor.username(), null);
        objectives.insertDecision(recorded, actor.username());
        return recorded;
    }

    /** The reviewee acknowledges the approved objectives, or records a disagreement with its reason. */
    public ObjectiveResponse respond(long reviewId, Response response, String reason) {
        int round = requireRound(reviewId);
        if (response == null) {
            throw new IllegalArgumentException("Response: choose whether you acknowledge or disagree with the objectives");
        }
        String why = response == Response.DISAGREED
                ? requireText("Reason for disagreeing", reason, TEXT_LENGTH)
                : optionalText("Reason", reason, TEXT_LENGTH);
        var recorded = new ObjectiveResponse(reviewId, round, response, why, actor.username(), null);
        objectives.insertResponse(recorded, actor.username());
        return recorded;
    }

    /**
     * Applies the wording agreed at the mid-year check. When an objective's wording or success
     * criteria changed, the objectives become a new round, which the head must approve again.
     * Returns whether anything changed.
     */
    public boolean reviseAtMidYear(long reviewId, List<ObjectiveRevision> revisions) {
        int round = requireRound(reviewId);
        List<Objective> current = objectives.selectRound(reviewId, round);
        Map<Integer, ObjectiveRevision> byPosition = revisionsByPosition(current, revisions);
        boolean changed = false;
        var revised = new ArrayList<Objective>();
        for (Objective objective : current) {
            ObjectiveRevision revision = byPosition.get(objective.position());
            String label = "Objective " + objective.position();
            String title = requireText(label + ": the objective", revision.title(), TITLE_LENGTH);
            String criteria = requireText(label + ": the success criteria", revision.successCriteria(), TEXT_LENGTH);
            changed |= !title.equals(objective.title()) || !criteria.equals(objective.successCriteria());
            revised.add(new Objective(null, reviewId, round + 1, objective.position(), objective.priorityId(), title,
                    criteria, objective.evidence(), objective.cpdSupport(), objective.teamId()));
        }
        if (changed) {
            revised.forEach(o -> objectives.insertObjective(o, actor.username()));
        }
        return changed;
    }

    @Transactional(readOnly = true)
    public List<Objective> currentObjectives(long reviewId) {
        return objectives.selectRound(reviewId, objectives.selectCurrentRound(reviewId));
    }

    @Transactional(readOnly = true)
    public List<ObjectiveDecision> decisions(long reviewId) {
        return objectives.selectDecisions(reviewId);
    }

    @Transactional(readOnly = true)
    public Optional<ObjectiveDecision> lastDecision(long reviewId) {
        var all = objectives.selectDecisions(reviewId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    @Transactional(readOnly = true)
    public List<ObjectiveResponse> responses(long reviewId) {
        return objectives.selectResponses(reviewId);
    }

    /** The joint objectives already set for the teams the reviewee shares with their reviewer, this cycle. */
    @Transactional(readOnly = true)
    public List<Objective> jointObjectivesOffered(long reviewId) {
        ReviewScope scope = scope(reviewId);
        List<Long> teams = sharedTeams(scope).stream().map(Team::id).toList();
        return teams.isEmpty() ? List.of() : objectives.selectLatestJointObjectives(scope.cycleId(), teams);
    }

    /** The team a joint objective would be shared with, if the reviewer leads one the reviewee is in. */
    @Transactional(readOnly = true)
    public Optional<Team> jointObjectiveTeam(long reviewId) {
        return sharedTeams(scope(reviewId)).stream().findFirst();
    }

    private List<Team> sharedTeams(ReviewScope scope) {
        return staff.teamsLedBy(scope.reviewerId()).stream()
                .filter(team -> staff.teamMemberIds(team.id()).contains(scope.revieweeId()))
                .toList();
    }

    private Long jointTeam(ReviewScope scope, String label) {
        return sharedTeams(scope).stream().findFirst().map(Team::id)
                .orElseThrow(() -> new IllegalArgumentException(label
                        + ": a joint objective needs a team that the reviewer leads and the reviewee belongs to"));
    }

    private Map<Integer, ObjectiveRevision> revisionsByPosition(List<Objective> current, List<ObjectiveRevision> revisions) {
        if (revisions == null || revisions.size() != current.size()) {
            throw new IllegalArgumentException("Progress: give one entry for each of the " + current.size()
                    + " objectives");
        }
        Map<Integer, ObjectiveRevision> byPosition = revisions.stream()
                .collect(Collectors.toMap(ObjectiveRevision::position, Function.identity(), (a, b) -> {
                    throw new IllegalArgumentException("Progress: objective " + a.position() + " is given twice");
                }));
        for (Objective objective : current) {
            if (!byPosition.containsKey(objective.position())) {
                throw new IllegalArgumentException("Progress: objective " + objective.position() + " is missing");
            }
        }
        return byPosition;
    }

    private int requireRound(long reviewId) {
        scope(reviewId);
        int round = objectives.selectCurrentRound(reviewId);
        if (round == 0) {
            throw new IllegalStateException("Review " + reviewId + " has no objectives yet");
        }
        return round;
    }

    private ReviewScope scope(long reviewId) {
        return objectives.selectReviewScope(reviewId)
                .orElseThrow(() -> new IllegalArgumentException("No review with id " + reviewId));
    }
}

package org.reviewcycle.objective;

import static org.reviewcycle.common.Checks.optionalText;
import static org.reviewcycle.common.Checks.requireText;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.reviewcycle.common.CurrentActor;
import org.reviewcycle.common.InvalidInput;
import org.reviewcycle.common.NotPermittedException;
import org.reviewcycle.history.AdministrationHistory;
import org.reviewcycle.history.AdministrationHistory.Subject;
import org.reviewcycle.school.ReviewCycle;
import org.reviewcycle.school.SchoolPriority;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.security.AdministeredSchools;
import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.staff.Team;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
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
    private final AdministeredSchools administered;
    private final AdministrationHistory history;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ObjectiveService(ObjectiveMapper objectives, SchoolService schools, StaffService staff, CurrentActor actor,
            AdministeredSchools administered, AdministrationHistory history, ApplicationEventPublisher events,
            ObjectProvider<Clock> clock) {
        this.objectives = objectives;
        this.schools = schools;
        this.staff = staff;
        this.actor = actor;
        this.administered = administered;
        this.history = history;
        this.events = events;
        // the application's Clock when it has one (a test can work in another year)
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    /**
     * Records the objectives agreed in a planning meeting as a new round, awaiting the head's
     * approval: 1 to 5, each serving one of the school's priorities, with success criteria and
     * evidence. A joint objective is shared with the team the reviewer leads and the reviewee is in.
     */
    public List<Objective> submitObjectives(long reviewId, List<ObjectiveDraft> drafts) {
        return submitObjectives(reviewId, List.of(), drafts);
    }

    /**
     * As {@link #submitObjectives(long, List)}, with the joint objectives the reviewer took from
     * those the reviewee's teams' leaders proposed ({@link #teamObjectivesOffered}): they come first,
     * worded as proposed, and keep the link to the proposal.
     */
    public List<Objective> submitObjectives(long reviewId, List<Long> teamObjectiveIds, List<ObjectiveDraft> drafts) {
        ReviewScope scope = scope(reviewId);
        List<Long> taken = teamObjectiveIds == null ? List.of() : teamObjectiveIds;
        List<ObjectiveDraft> written = drafts == null ? List.of() : drafts;
        int count = taken.size() + written.size();
        if (count == 0) {
            throw new IllegalArgumentException("Objectives: record at least one objective");
        }
        if (count > MAX_OBJECTIVES) {
            throw new IllegalArgumentException("Objectives: at most " + MAX_OBJECTIVES + " objectives, not " + count);
        }
        Map<String, SchoolPriority> priorities = prioritiesByCode(scope.schoolId());
        Map<Long, TeamObjective> offered = teamObjectivesOffered(scope).stream()
                .collect(Collectors.toMap(TeamObjective::id, Function.identity()));
        int round = objectives.selectCurrentRound(reviewId) + 1;
        var checked = new ArrayList<Objective>();
        for (Long id : taken) {
            TeamObjective proposal = id == null ? null : offered.get(id);
            if (proposal == null) {
                throw new IllegalArgumentException("Joint team objectives: " + id
                        + " is not one of the joint objectives proposed for the reviewee's teams this year");
            }
            if (checked.stream().anyMatch(o -> id.equals(o.teamObjectiveId()))) {
                throw new IllegalArgumentException("Joint team objectives: '" + proposal.title() + "' is taken twice");
            }
            checked.add(new Objective(null, reviewId, round, checked.size() + 1, proposal.priorityId(), proposal.title(),
                    proposal.successCriteria(), proposal.evidence(), null, proposal.teamId(), proposal.id()));
        }
        for (int i = 0; i < written.size(); i++) {
            ObjectiveDraft draft = written.get(i);
            String label = "Objective " + (checked.size() + 1);
            if (draft == null) {
                throw new IllegalArgumentException(label + ": is empty");
            }
            CheckedDraft fields = check(draft, priorities, label + ": ");
            if (!fields.problems().isEmpty()) {
                throw new IllegalArgumentException(fields.problems().values().iterator().next());
            }
            Long teamId = draft.joint() ? jointTeam(scope, label) : null;
            checked.add(new Objective(null, reviewId, round, checked.size() + 1, fields.priority().id(), fields.title(),
                    fields.successCriteria(), fields.evidence(), fields.cpdSupport(), teamId));
        }
        checked.forEach(objective -> objectives.insertObjective(objective, actor.username()));
        return objectives.selectRound(reviewId, round);
    }

    /** An objective's fields as the rules every objective follows leave them, and its problems by field. */
    private record CheckedDraft(SchoolPriority priority, String title, String successCriteria, String evidence,
            String cpdSupport, Map<String, String> problems) {
    }

    /**
     * The rules of an objective, in the planning meeting and on a team leader's page: one of the
     * school's priorities, the objective, success criteria and evidence required, each within its
     * length. Each problem is keyed by the field's name in ObjectiveDraft and starts with
     * {@code label} ("Objective 2: "), or is a sentence of its own when the label is empty.
     */
    private static CheckedDraft check(ObjectiveDraft draft, Map<String, SchoolPriority> priorities, String label) {
        var problems = new LinkedHashMap<String, String>();
        SchoolPriority priority = null;
        if (draft.priorityCode() == null || draft.priorityCode().isBlank()) {
            problems.put("priorityCode", named(label, "choose the school improvement priority it serves"));
        } else {
            priority = priorities.get(draft.priorityCode().strip());
            if (priority == null) {
                problems.put("priorityCode", named(label, "'" + draft.priorityCode()
                        + "' is not one of the school's improvement priorities (" + String.join(", ", priorities.keySet()) + ")"));
            }
        }
        String title = checked(problems, "title", () -> requireText(named(label, "the objective"), draft.title(), TITLE_LENGTH));
        String criteria = checked(problems, "successCriteria",
                () -> requireText(named(label, "the success criteria"), draft.successCriteria(), TEXT_LENGTH));
        String evidence = checked(problems, "evidence",
                () -> requireText(named(label, "the evidence"), draft.evidence(), TEXT_LENGTH));
        String cpd = checked(problems, "cpdSupport",
                () -> optionalText(named(label, "the CPD and support"), draft.cpdSupport(), TEXT_LENGTH));
        return new CheckedDraft(priority, title, criteria, evidence, cpd, problems);
    }

    private static String checked(Map<String, String> problems, String field, java.util.function.Supplier<String> text) {
        try {
            return text.get();
        } catch (IllegalArgumentException problem) {
            problems.put(field, problem.getMessage());
            return null;
        }
    }

    /** "Objective 1: " + "the evidence", or "The evidence" when there is no label. */
    private static String named(String label, String words) {
        return label.isEmpty() ? Character.toUpperCase(words.charAt(0)) + words.substring(1) : label + words;
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

    // --- joint objectives a team's leader proposes for the year ---

    /**
     * The cycle a team's joint objectives are proposed for: the school's cycle of the current
     * academic year, or else the next one planned; none when every such cycle is closed.
     */
    @Transactional(readOnly = true)
    public Optional<ReviewCycle> teamObjectivesCycle(long schoolId) {
        String thisYear = SchoolService.academicYearOf(LocalDate.now(clock));
        return schools.cyclesOf(schoolId).stream()
                .filter(cycle -> !cycle.closed() && cycle.academicYear().compareTo(thisYear) >= 0)
                .min(Comparator.comparing(ReviewCycle::academicYear));
    }

    /**
     * The team, if the person asking may propose its joint objectives: its leader, or an admin of
     * its school. Anyone else is refused without being told whether the team exists.
     */
    @Transactional(readOnly = true)
    public Team teamToPropose(long teamId) {
        return staff.findTeam(teamId).filter(this::mayPropose).orElseThrow(() -> new NotPermittedException(
                "Only the team's leader and the school's administrators may see and change its joint objectives."));
    }

    /** The teams whose joint objectives the person asking leads, by name. */
    @Transactional(readOnly = true)
    public List<Team> teamsLedByMe() {
        return staff.findByUsername(actor.username()).map(me -> staff.teamsLedBy(me.id())).orElse(List.of());
    }

    /** A team's proposals for a cycle, withdrawn ones too (they say so), in the order proposed. */
    @Transactional(readOnly = true)
    public List<ProposedObjective> teamObjectives(long teamId, long cycleId) {
        Team team = teamToPropose(teamId);
        return readable(team.schoolId(), objectives.selectTeamObjectives(teamId, cycleId));
    }

    /** One of the team's proposals, to change it. */
    @Transactional(readOnly = true)
    public ProposedObjective teamObjective(long teamId, long teamObjectiveId) {
        Team team = teamToPropose(teamId);
        return readable(team.schoolId(), List.of(proposal(team, teamObjectiveId))).get(0);
    }

    /** Every team's proposals for one of the school's cycles, withdrawn ones too (the admin's Teams page). */
    @Transactional(readOnly = true)
    public List<ProposedObjective> teamObjectivesOfCycle(long schoolId, long cycleId) {
        administered.require(schoolId);
        ReviewCycle cycle = schools.findCycle(cycleId).filter(c -> c.schoolId() == schoolId)
                .orElseThrow(() -> new NotPermittedException("This cycle is not one of the school's."));
        return readable(schoolId, objectives.selectTeamObjectivesOfCycle(cycle.id()));
    }

    private List<ProposedObjective> readable(long schoolId, List<TeamObjective> list) {
        Map<Long, SchoolPriority> priorities = schools.priorities(schoolId).stream()
                .collect(Collectors.toMap(SchoolPriority::id, Function.identity()));
        Map<String, String> names = new java.util.HashMap<>();
        Map<Long, String> teams = new java.util.HashMap<>();
        return list.stream().map(o -> new ProposedObjective(o,
                teams.computeIfAbsent(o.teamId(), id -> staff.findTeam(id).map(Team::name).orElse("")),
                label(priorities.get(o.priorityId())), names.computeIfAbsent(o.proposedBy(), this::nameOf),
                o.proposedAt())).toList();
    }

    /** Staff know each other by name; a proposal made by the system (the demo's) says so. */
    private String nameOf(String username) {
        return staff.findByUsername(username).map(StaffMember::fullName).orElse("ReviewCycle");
    }

    private static String label(SchoolPriority priority) {
        return priority == null ? "" : priority.code() + ": " + priority.title();
    }

    /**
     * Proposes a joint objective for the team in its school's current cycle, checked by the rules
     * of every objective (each problem named by its field: title, priorityCode, successCriteria,
     * evidence).
     */
    public TeamObjective proposeTeamObjective(long teamId, ObjectiveDraft draft) {
        Team team = teamToPropose(teamId);
        ReviewCycle cycle = requireCycle(team);
        CheckedDraft fields = checkOnPage(team, draft);
        var row = new ObjectiveMapper.NewTeamObjectiveRow(new TeamObjective(null, team.id(), cycle.id(),
                fields.priority().id(), fields.title(), fields.successCriteria(), fields.evidence(), null, null, null,
                null));
        objectives.insertTeamObjective(row, actor.username());
        TeamObjective proposed = objectives.selectTeamObjective(row.getId()).orElseThrow();
        history.record(subject(team), "Proposed a joint objective", null, described(proposed, cycle));
        events.publishEvent(new TeamObjectivesChanged(team.id(), cycle.id()));
        return proposed;
    }

    /** Changes a proposal not withdrawn; objectives already agreed from it keep the wording they were agreed with. */
    public TeamObjective changeTeamObjective(long teamId, long teamObjectiveId, ObjectiveDraft draft) {
        Team team = teamToPropose(teamId);
        TeamObjective before = proposal(team, teamObjectiveId);
        ReviewCycle cycle = schools.findCycle(before.cycleId()).orElseThrow();
        requireOpen(cycle);
        CheckedDraft fields = checkOnPage(team, draft);
        var changed = new TeamObjective(before.id(), before.teamId(), before.cycleId(), fields.priority().id(),
                fields.title(), fields.successCriteria(), fields.evidence(), before.proposedBy(), before.proposedAt(),
                null, null);
        if (changed.equals(before)) {
            return before;
        }
        if (objectives.updateTeamObjective(changed, actor.username()) == 0) {
            throw new IllegalStateException("'" + before.title() + "' has been withdrawn, so it cannot be changed.");
        }
        history.record(subject(team), "Changed a joint objective", described(before, cycle), described(changed, cycle));
        events.publishEvent(new TeamObjectivesChanged(team.id(), cycle.id()));
        return changed;
    }

    /** Withdraws a proposal: no longer offered; objectives already agreed from it stay as they are. */
    public void withdrawTeamObjective(long teamId, long teamObjectiveId) {
        Team team = teamToPropose(teamId);
        TeamObjective proposal = proposal(team, teamObjectiveId);
        ReviewCycle cycle = schools.findCycle(proposal.cycleId()).orElseThrow();
        requireOpen(cycle);
        if (objectives.withdrawTeamObjective(proposal.id(), actor.username()) == 0) {
            return;
        }
        history.record(subject(team), "Withdrew a joint objective", described(proposal, cycle), null);
        events.publishEvent(new TeamObjectivesChanged(team.id(), cycle.id()));
    }

    /**
     * The joint objectives a review's planning meeting offers: those proposed, not withdrawn, for
     * the teams the reviewee is in, this cycle; and those its current round took already, even if
     * withdrawn since, so that a round the head returned can be sent again as it was.
     */
    @Transactional(readOnly = true)
    public List<ProposedObjective> teamObjectivesOffered(long reviewId) {
        ReviewScope scope = scope(reviewId);
        return readable(scope.schoolId(), teamObjectivesOffered(scope));
    }

    private List<TeamObjective> teamObjectivesOffered(ReviewScope scope) {
        var offered = new ArrayList<>(objectives.selectTeamObjectivesOffered(scope.cycleId(), scope.revieweeId()));
        currentObjectives(scope.reviewId()).stream().map(Objective::teamObjectiveId)
                .filter(id -> id != null && offered.stream().noneMatch(t -> t.id().equals(id)))
                .forEach(id -> objectives.selectTeamObjective(id).ifPresent(offered::add));
        return offered;
    }

    private boolean mayPropose(Team team) {
        if (staff.findByUsername(actor.username()).map(StaffMember::id).filter(team.leaderId()::equals).isPresent()) {
            return true;
        }
        return schools.findSchool(team.schoolId()).filter(administered::administers).isPresent();
    }

    private ReviewCycle requireCycle(Team team) {
        return teamObjectivesCycle(team.schoolId()).orElseThrow(() -> new IllegalStateException(
                "The school has no appraisal cycle planned or under way for this year, so no joint objective "
                        + "can be proposed; its administrators plan one first."));
    }

    private static void requireOpen(ReviewCycle cycle) {
        if (cycle.closed()) {
            throw new IllegalStateException("The " + cycle.academicYear() + " cycle is closed; its objectives stay as they are.");
        }
    }

    private TeamObjective proposal(Team team, long teamObjectiveId) {
        return objectives.selectTeamObjective(teamObjectiveId).filter(t -> t.teamId().equals(team.id()))
                .orElseThrow(() -> new org.reviewcycle.common.NotFoundException(
                        team.name() + " has no joint objective " + teamObjectiveId + "."));
    }

    private CheckedDraft checkOnPage(Team team, ObjectiveDraft draft) {
        CheckedDraft fields = check(draft, prioritiesByCode(team.schoolId()), "");
        if (!fields.problems().isEmpty()) {
            throw new InvalidInput(fields.problems());
        }
        return fields;
    }

    private Map<String, String> described(TeamObjective objective, ReviewCycle cycle) {
        return AdministrationHistory.fields("Cycle", cycle.academicYear(), "Objective", objective.title(),
                "Priority", label(schools.findPriority(objective.priorityId()).orElse(null)),
                "Success criteria", objective.successCriteria(),
                "Evidence", objective.evidence());
    }

    private static Subject subject(Team team) {
        return new Subject(team.schoolId(), null, "Team", team.id(), team.name());
    }

    private Map<String, SchoolPriority> prioritiesByCode(long schoolId) {
        return schools.priorities(schoolId).stream()
                .collect(Collectors.toMap(SchoolPriority::code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
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

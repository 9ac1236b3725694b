package org.reviewcycle.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewcycle.review.Review;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.school.ReviewCycle;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.staff.Team;
import org.reviewcycle.support.MariaDbTest;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * ObjectiveMapper.xml on MariaDB: rounds of objectives kept side by side, the latest joint
 * objective of each team in a cycle, the joint objectives team leaders propose, and the head's
 * decisions and the reviewee's responses.
 */
@MariaDbTest
@Transactional
class ObjectiveMapperTest {

    private static final String ACTOR = "mapper-test";

    @Autowired ObjectiveMapper objectives;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired ReviewService reviews;
    @Autowired JdbcTemplate jdbc;

    private TestSchool school;
    private Review review;

    @BeforeEach
    void aSchoolWithTheTeachersReview() {
        school = TestSchool.create(schools, staff);
        review = reviews.openReview(school.cycle().id(), school.teacher().id(), school.leader().id());
    }

    // --- the review's scope ---

    @Test
    void findsTheCycleSchoolRevieweeAndReviewerOfAReview() {
        assertThat(objectives.selectReviewScope(review.id())).contains(new ReviewScope(review.id(),
                school.cycle().id(), school.school().id(), school.teacher().id(), school.leader().id()));
    }

    @Test
    void findsNoScopeForAnUnknownReview() {
        assertThat(objectives.selectReviewScope(-1)).isEmpty();
    }

    // --- objectives and rounds ---

    @Test
    void readsBackTheObjectivesOfARoundInPositionOrder() {
        Objective second = new Objective(null, review.id(), 1, 2, school.maths().id(), "Reasoning in maths",
                "Pupils explain their reasoning", "Books and pupil voice", null, school.team().id());
        Objective first = new Objective(null, review.id(), 1, 1, school.writing().id(), "Writing at greater depth",
                "A third of pupils at greater depth", "Moderated writing", "Two writing INSET days", null);
        objectives.insertObjective(second, ACTOR);
        objectives.insertObjective(first, ACTOR);

        List<Objective> round = objectives.selectRound(review.id(), 1);

        assertThat(round).allSatisfy(objective -> assertThat(objective.id()).isNotNull());
        assertThat(withoutIds(round)).containsExactly(first, second);
        assertThat(round).extracting(Objective::joint).containsExactly(false, true);
    }

    @Test
    void countsNoRoundForAReviewWithoutObjectives() {
        assertThat(objectives.selectCurrentRound(review.id())).isZero();
        assertThat(objectives.selectRound(review.id(), 1)).isEmpty();
        assertThat(objectives.selectCurrentRound(-1)).isZero();
    }

    @Test
    void keepsEveryRoundAndCountsTheLatestAsCurrent() {
        Objective returned = objective(review, 1, 1, "Improve writing");
        Objective resubmitted = objective(review, 2, 1, "Raise the proportion writing at greater depth");
        Objective added = objective(review, 2, 2, "Reasoning in every maths lesson");

        assertThat(objectives.selectCurrentRound(review.id())).isEqualTo(2);
        assertThat(withoutIds(objectives.selectRound(review.id(), 1))).containsExactly(returned);
        assertThat(withoutIds(objectives.selectRound(review.id(), 2))).containsExactly(resubmitted, added);
        assertThat(objectives.selectRound(review.id(), 3)).isEmpty();
    }

    @Test
    void countsTheRoundsOfOneReviewOnly() {
        Review assistants = reviews.openReview(school.cycle().id(), school.assistant().id(), school.leader().id());
        objective(review, 1, 1, "Improve writing");
        objective(review, 2, 1, "Improve writing again");
        objective(assistants, 1, 1, "Phonics interventions");

        assertThat(objectives.selectCurrentRound(assistants.id())).isEqualTo(1);
        assertThat(objectives.selectRound(assistants.id(), 2)).isEmpty();
        assertThat(objectives.selectRound(review.id(), 1)).extracting(Objective::title)
                .containsExactly("Improve writing");
    }

    @Test
    void refusesTwoObjectivesInTheSamePositionOfARound() {
        objective(review, 1, 1, "Improve writing");

        assertThatThrownBy(() -> objective(review, 1, 1, "Something else"))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(objectives.selectRound(review.id(), 1)).extracting(Objective::title)
                .containsExactly("Improve writing");
    }

    @Test
    void allowsTheSamePositionInTheNextRoundAndInAnotherReview() {
        Review assistants = reviews.openReview(school.cycle().id(), school.assistant().id(), school.leader().id());
        objective(review, 1, 1, "Improve writing");

        objective(review, 2, 1, "Improve writing again");
        objective(assistants, 1, 1, "Phonics interventions");

        assertThat(objectives.selectRound(review.id(), 2)).extracting(Objective::title)
                .containsExactly("Improve writing again");
        assertThat(objectives.selectRound(assistants.id(), 1)).extracting(Objective::title)
                .containsExactly("Phonics interventions");
    }

    @Test
    void refusesAnObjectiveServingAPriorityThatDoesNotExist() {
        var unknownPriority = new Objective(null, review.id(), 1, 1, -1L, "Improve writing", "Criteria", "Evidence",
                null, null);

        assertThatThrownBy(() -> objectives.insertObjective(unknownPriority, ACTOR))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(objectives.selectCurrentRound(review.id())).isZero();
    }

    @Test
    void refusesAnObjectiveOfAReviewOrTeamThatDoesNotExist() {
        assertThatThrownBy(() -> objectives.insertObjective(new Objective(null, -1L, 1, 1, school.writing().id(),
                "Improve writing", "Criteria", "Evidence", null, null), ACTOR))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> objectives.insertObjective(new Objective(null, review.id(), 1, 1,
                school.writing().id(), "Improve writing", "Criteria", "Evidence", null, -1L), ACTOR))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void fillsTheAuditColumnsOfAnObjective() {
        LocalDateTime before = databaseNow();
        objective(review, 1, 1, "Improve writing");
        long id = objectives.selectRound(review.id(), 1).get(0).id();

        Map<String, Object> audit = jdbc.queryForMap(
                "select created_by, created_at, updated_by, updated_at from objective where id = ?", id);
        assertThat(audit).containsEntry("created_by", ACTOR).containsEntry("updated_by", ACTOR);
        assertThat(timestamp(audit, "created_at")).isBetween(before.minusSeconds(1), databaseNow());
        assertThat(timestamp(audit, "updated_at")).isEqualTo(timestamp(audit, "created_at"));
    }

    // --- joint objectives ---

    @Test
    void findsTheLatestJointObjectiveOfEachTeamInTheCycle() {
        Team ks2 = school.team();
        Team eyfs = staff.createTeam(school.school().id(), "eyfs", "Early years team", school.head().id());
        Review leaders = reviews.openReview(school.cycle().id(), school.leader().id(), school.head().id());
        Review assistants = reviews.openReview(school.cycle().id(), school.assistant().id(), school.leader().id());
        joint(review, 1, 1, "KS2 writing, first version", ks2);
        Objective latestKs2 = joint(assistants, 1, 1, "KS2 writing, as agreed", ks2);
        Objective onlyEyfs = joint(leaders, 1, 1, "Early reading", eyfs);
        objective(review, 1, 2, "A personal objective written last");

        assertThat(withoutIds(objectives.selectLatestJointObjectives(school.cycle().id(), List.of(ks2.id(), eyfs.id()))))
                .containsExactly(latestKs2, onlyEyfs);
        assertThat(withoutIds(objectives.selectLatestJointObjectives(school.cycle().id(), List.of(eyfs.id()))))
                .containsExactly(onlyEyfs);
    }

    @Test
    void findsTheJointObjectiveOfALaterRoundOfTheSameReview() {
        joint(review, 1, 1, "KS2 writing, returned", school.team());
        Objective resubmitted = joint(review, 2, 1, "KS2 writing, resubmitted", school.team());

        assertThat(withoutIds(objectives.selectLatestJointObjectives(school.cycle().id(), List.of(school.team().id()))))
                .containsExactly(resubmitted);
    }

    @Test
    void offersNoJointObjectiveOfAnotherCycle() {
        Team ks2 = school.team();
        Objective thisYear = joint(review, 1, 1, "KS2 writing this year", ks2);
        ReviewCycle nextCycle = schools.planCycle(new ReviewCycle(null, school.school().id(), "2027/28",
                LocalDate.of(2027, 10, 31), LocalDate.of(2028, 2, 1), LocalDate.of(2028, 6, 14),
                LocalDate.of(2028, 7, 16), null));
        Review nextYearsReview = reviews.openReview(nextCycle.id(), school.teacher().id(), school.leader().id());
        Objective nextYear = joint(nextYearsReview, 1, 1, "KS2 writing next year", ks2);

        assertThat(withoutIds(objectives.selectLatestJointObjectives(school.cycle().id(), List.of(ks2.id()))))
                .containsExactly(thisYear);
        assertThat(withoutIds(objectives.selectLatestJointObjectives(nextCycle.id(), List.of(ks2.id()))))
                .containsExactly(nextYear);
    }

    @Test
    void findsNoJointObjectiveForATeamWithoutOne() {
        Team eyfs = staff.createTeam(school.school().id(), "eyfs", "Early years team", school.head().id());
        objective(review, 1, 1, "A personal objective");
        joint(review, 1, 2, "KS2 writing", school.team());

        assertThat(objectives.selectLatestJointObjectives(school.cycle().id(), List.of(eyfs.id()))).isEmpty();
    }

    @Test
    void offersNoJointObjectiveTakenFromALeadersProposalAsAPlanningMeetingsJointObjective() {
        TeamObjective proposal = teamObjective(school.team(), "KS2 writing, as the leader proposed");
        Objective typed = joint(review, 1, 1, "KS2 writing, ticked in a planning meeting", school.team());
        objectives.insertObjective(new Objective(null, review.id(), 1, 2, school.writing().id(), proposal.title(),
                proposal.successCriteria(), proposal.evidence(), null, school.team().id(), proposal.id()), ACTOR);

        assertThat(withoutIds(objectives.selectLatestJointObjectives(school.cycle().id(), List.of(school.team().id()))))
                .containsExactly(typed);
    }

    // --- joint objectives a team's leader proposes ---

    @Test
    void readsBackATeamsProposalWithWhoProposedItAndWhen() {
        LocalDateTime before = databaseNow();
        TeamObjective proposal = teamObjective(school.team(), "To use the school writing process in every subject");

        assertThat(proposal.teamId()).isEqualTo(school.team().id());
        assertThat(proposal.cycleId()).isEqualTo(school.cycle().id());
        assertThat(proposal.priorityId()).isEqualTo(school.writing().id());
        assertThat(proposal.successCriteria()).isEqualTo("Criteria for " + proposal.title());
        assertThat(proposal.evidence()).isEqualTo("Evidence for " + proposal.title());
        assertThat(proposal.proposedBy()).isEqualTo(ACTOR);
        assertThat(proposal.proposedAt()).isBetween(before.minusSeconds(1), databaseNow());
        assertThat(proposal.withdrawn()).isFalse();
        assertThat(objectives.selectTeamObjectives(school.team().id(), school.cycle().id())).containsExactly(proposal);
    }

    @Test
    void anObjectiveTakenFromAProposalKeepsItsLink() {
        TeamObjective proposal = teamObjective(school.team(), "KS2 writing");
        objectives.insertObjective(new Objective(null, review.id(), 1, 1, proposal.priorityId(), proposal.title(),
                proposal.successCriteria(), proposal.evidence(), null, proposal.teamId(), proposal.id()), ACTOR);

        assertThat(objectives.selectRound(review.id(), 1)).singleElement().satisfies(o -> {
            assertThat(o.teamObjectiveId()).isEqualTo(proposal.id());
            assertThat(o.teamId()).isEqualTo(school.team().id());
        });
        assertThatThrownBy(() -> objectives.insertObjective(new Objective(null, review.id(), 1, 2,
                school.writing().id(), "No such proposal", "Criteria", "Evidence", null, null, -1L), ACTOR))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void offersAMemberTheProposalsOfTheirOwnTeamsInTheCycleOnly() {
        Team eyfs = staff.createTeam(school.school().id(), "eyfs", "Early years team", school.head().id());
        TeamObjective ks2Writing = teamObjective(school.team(), "KS2 writing");
        TeamObjective ks2Maths = teamObjective(school.team(), "KS2 reasoning");
        TeamObjective earlyReading = teamObjective(eyfs, "Early reading");
        ReviewCycle nextCycle = schools.planCycle(new ReviewCycle(null, school.school().id(), "2027/28",
                LocalDate.of(2027, 10, 31), LocalDate.of(2028, 2, 1), LocalDate.of(2028, 6, 14),
                LocalDate.of(2028, 7, 16), null));
        insertTeamObjective(school.team(), nextCycle, "KS2 writing next year");

        assertThat(objectives.selectTeamObjectivesOffered(school.cycle().id(), school.teacher().id()))
                .containsExactly(ks2Writing, ks2Maths);
        assertThat(objectives.selectTeamObjectivesOffered(school.cycle().id(), school.head().id()))
                .containsExactly(earlyReading);
        assertThat(objectives.selectTeamObjectivesOffered(nextCycle.id(), school.teacher().id()))
                .extracting(TeamObjective::title).containsExactly("KS2 writing next year");
        assertThat(objectives.selectTeamObjectivesOfCycle(school.cycle().id()))
                .containsExactly(ks2Writing, ks2Maths, earlyReading);
    }

    @Test
    void aWithdrawnProposalIsKeptButNoLongerOfferedNorChanged() {
        TeamObjective kept = teamObjective(school.team(), "KS2 writing");
        TeamObjective withdrawn = teamObjective(school.team(), "KS2 handwriting");

        assertThat(objectives.withdrawTeamObjective(withdrawn.id(), "the-leader")).isOne();
        assertThat(objectives.withdrawTeamObjective(withdrawn.id(), "someone-later")).isZero();
        assertThat(objectives.updateTeamObjective(new TeamObjective(withdrawn.id(), null, null, school.maths().id(),
                "Changed after all", "C", "E", null, null, null, null), "the-leader")).isZero();

        assertThat(objectives.selectTeamObjectivesOffered(school.cycle().id(), school.teacher().id())).containsExactly(kept);
        assertThat(objectives.selectTeamObjective(withdrawn.id())).hasValueSatisfying(t -> {
            assertThat(t.withdrawn()).isTrue();
            assertThat(t.withdrawnBy()).isEqualTo("the-leader");
            assertThat(t.title()).isEqualTo("KS2 handwriting");
        });
    }

    @Test
    void changesTheWordingOfAProposalAndWhoChangedIt() {
        TeamObjective proposal = teamObjective(school.team(), "KS2 writing");

        assertThat(objectives.updateTeamObjective(new TeamObjective(proposal.id(), null, null, school.maths().id(),
                "KS2 reasoning", "New criteria", "New evidence", null, null, null, null), "the-admin")).isOne();

        assertThat(objectives.selectTeamObjective(proposal.id())).hasValueSatisfying(t -> {
            assertThat(t.title()).isEqualTo("KS2 reasoning");
            assertThat(t.priorityId()).isEqualTo(school.maths().id());
            assertThat(t.successCriteria()).isEqualTo("New criteria");
            assertThat(t.evidence()).isEqualTo("New evidence");
            assertThat(t.proposedBy()).isEqualTo(ACTOR);
        });
        assertThat(jdbc.queryForObject("select updated_by from team_objective where id = ?", String.class, proposal.id()))
                .isEqualTo("the-admin");
    }

    @Test
    void refusesAProposalOfATeamCycleOrPriorityThatDoesNotExist() {
        Team noTeam = new Team(-1L, school.school().id(), "none", "None", school.leader().id());
        assertThatThrownBy(() -> insertTeamObjective(noTeam, school.cycle(), "Nobody's"))
                .isInstanceOf(DataIntegrityViolationException.class);
        ReviewCycle noCycle = new ReviewCycle(-1L, school.school().id(), "1999/00", null, null, null, null, null);
        assertThatThrownBy(() -> insertTeamObjective(school.team(), noCycle, "No year"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(objectives.selectTeamObjectives(school.team().id(), school.cycle().id())).isEmpty();
    }

    // --- the head's decisions ---

    @Test
    void readsBackDecisionsInRoundOrderWithWhoDecidedAndWhen() {
        LocalDateTime before = databaseNow();
        objectives.insertDecision(new ObjectiveDecision(review.id(), 2, Decision.APPROVED, null, null, null),
                "the-head");
        objectives.insertDecision(new ObjectiveDecision(review.id(), 1, Decision.RETURNED, "Too vague", null, null),
                "the-deputy-head");

        List<ObjectiveDecision> decisions = objectives.selectDecisions(review.id());

        assertThat(decisions).containsExactly(
                new ObjectiveDecision(review.id(), 1, Decision.RETURNED, "Too vague", "the-deputy-head",
                        createdAt("objective_decision", review.id(), 1)),
                new ObjectiveDecision(review.id(), 2, Decision.APPROVED, null, "the-head",
                        createdAt("objective_decision", review.id(), 2)));
        assertThat(decisions).allSatisfy(decision -> assertThat(decision.decidedAt())
                .isBetween(before.minusSeconds(1), databaseNow()));
    }

    @Test
    void takesWhoDecidedFromTheActorNotFromTheDecision() {
        objectives.insertDecision(
                new ObjectiveDecision(review.id(), 1, Decision.APPROVED, null, "someone-else", LocalDateTime.MIN),
                "the-head");

        assertThat(objectives.selectDecisions(review.id())).singleElement().satisfies(decision -> {
            assertThat(decision.decidedBy()).isEqualTo("the-head");
            assertThat(decision.decidedAt()).isAfter(LocalDateTime.MIN);
        });
    }

    @Test
    void refusesASecondDecisionOnTheSameRound() {
        objectives.insertDecision(new ObjectiveDecision(review.id(), 1, Decision.RETURNED, "Too vague", null, null),
                "the-head");

        assertThatThrownBy(() -> objectives.insertDecision(
                new ObjectiveDecision(review.id(), 1, Decision.APPROVED, null, null, null), "the-head"))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(objectives.selectDecisions(review.id())).singleElement()
                .extracting(ObjectiveDecision::decision).isEqualTo(Decision.RETURNED);
    }

    @Test
    void listsTheDecisionsOfOneReviewOnly() {
        Review assistants = reviews.openReview(school.cycle().id(), school.assistant().id(), school.leader().id());
        objectives.insertDecision(new ObjectiveDecision(assistants.id(), 1, Decision.APPROVED, null, null, null),
                "the-head");

        assertThat(objectives.selectDecisions(review.id())).isEmpty();
        assertThat(objectives.selectDecisions(assistants.id())).extracting(ObjectiveDecision::reviewId)
                .containsExactly(assistants.id());
    }

    @Test
    void refusesADecisionOnAReviewThatDoesNotExist() {
        assertThatThrownBy(() -> objectives.insertDecision(
                new ObjectiveDecision(-1L, 1, Decision.APPROVED, null, null, null), "the-head"))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    // --- the reviewee's responses ---

    @Test
    void readsBackResponsesInRoundOrderWithWhoRespondedAndWhen() {
        LocalDateTime before = databaseNow();
        objectives.insertResponse(new ObjectiveResponse(review.id(), 2, Response.ACKNOWLEDGED, null, null, null),
                "the-teacher");
        objectives.insertResponse(new ObjectiveResponse(review.id(), 1, Response.DISAGREED, "Too many objectives",
                null, null), "the-teacher");

        List<ObjectiveResponse> responses = objectives.selectResponses(review.id());

        assertThat(responses).containsExactly(
                new ObjectiveResponse(review.id(), 1, Response.DISAGREED, "Too many objectives", "the-teacher",
                        createdAt("objective_response", review.id(), 1)),
                new ObjectiveResponse(review.id(), 2, Response.ACKNOWLEDGED, null, "the-teacher",
                        createdAt("objective_response", review.id(), 2)));
        assertThat(responses).allSatisfy(response -> assertThat(response.respondedAt())
                .isBetween(before.minusSeconds(1), databaseNow()));
    }

    @Test
    void refusesASecondResponseToTheSameRound() {
        objectives.insertResponse(new ObjectiveResponse(review.id(), 1, Response.ACKNOWLEDGED, null, null, null),
                "the-teacher");

        assertThatThrownBy(() -> objectives.insertResponse(
                new ObjectiveResponse(review.id(), 1, Response.DISAGREED, "Changed my mind", null, null),
                "the-teacher"))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(objectives.selectResponses(review.id())).singleElement()
                .extracting(ObjectiveResponse::response).isEqualTo(Response.ACKNOWLEDGED);
    }

    @Test
    void listsTheResponsesOfOneReviewOnly() {
        Review assistants = reviews.openReview(school.cycle().id(), school.assistant().id(), school.leader().id());
        objectives.insertResponse(new ObjectiveResponse(assistants.id(), 1, Response.ACKNOWLEDGED, null, null, null),
                "the-assistant");

        assertThat(objectives.selectResponses(review.id())).isEmpty();
        assertThat(objectives.selectResponses(assistants.id())).extracting(ObjectiveResponse::respondedBy)
                .containsExactly("the-assistant");
    }

    // --- fixtures ---

    private Objective objective(Review review, int round, int position, String title) {
        var objective = new Objective(null, review.id(), round, position, school.writing().id(), title,
                "Criteria for " + title, "Evidence for " + title, null, null);
        objectives.insertObjective(objective, ACTOR);
        return objective;
    }

    private Objective joint(Review review, int round, int position, String title, Team team) {
        var objective = new Objective(null, review.id(), round, position, school.maths().id(), title,
                "Criteria for " + title, "Evidence for " + title, "Support for " + title, team.id());
        objectives.insertObjective(objective, ACTOR);
        return objective;
    }

    private TeamObjective teamObjective(Team team, String title) {
        return insertTeamObjective(team, school.cycle(), title);
    }

    private TeamObjective insertTeamObjective(Team team, ReviewCycle cycle, String title) {
        var row = new ObjectiveMapper.NewTeamObjectiveRow(new TeamObjective(null, team.id(), cycle.id(),
                school.writing().id(), title, "Criteria for " + title, "Evidence for " + title, null, null, null, null));
        objectives.insertTeamObjective(row, ACTOR);
        return objectives.selectTeamObjective(row.getId()).orElseThrow();
    }

    /** The objectives as inserted: without the ids the database gave them. */
    private static List<Objective> withoutIds(List<Objective> read) {
        return read.stream().map(o -> new Objective(null, o.reviewId(), o.round(), o.position(), o.priorityId(),
                o.title(), o.successCriteria(), o.evidence(), o.cpdSupport(), o.teamId(), o.teamObjectiveId())).toList();
    }

    private LocalDateTime createdAt(String table, long reviewId, int round) {
        return timestamp(jdbc.queryForMap("select created_at from " + table + " where review_id = ? and round = ?",
                reviewId, round), "created_at");
    }

    private static LocalDateTime timestamp(Map<String, Object> row, String column) {
        Object value = row.get(column);
        assertThat(value).as(column).isNotNull();
        return value instanceof java.sql.Timestamp t ? t.toLocalDateTime() : (LocalDateTime) value;
    }

    private LocalDateTime databaseNow() {
        return jdbc.queryForObject("select current_timestamp", LocalDateTime.class);
    }
}

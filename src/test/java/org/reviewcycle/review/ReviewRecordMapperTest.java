package org.reviewcycle.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewcycle.objective.Objective;
import org.reviewcycle.objective.ObjectiveDraft;
import org.reviewcycle.objective.ObjectiveService;
import org.reviewcycle.school.ReviewCycle;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.MariaDbTest;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * ReviewRecordMapper.xml on MariaDB: the self-reflection, the mid-year check, the rounds of the
 * final review with their outcomes, the reviewee's sign-off and the head's decisions; the self-review,
 * every disagreement with the head's answer, and the CPD needs carried into the next year (V16).
 */
@MariaDbTest
@Transactional
class ReviewRecordMapperTest {

    private static final String ACTOR = "mapper-test";

    @Autowired ReviewRecordMapper records;
    @Autowired ReviewService reviews;
    @Autowired ObjectiveService objectiveService;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired JdbcTemplate jdbc;

    private TestSchool school;
    private Review review;
    private Objective writing;
    private Objective maths;

    @BeforeEach
    void aSchoolWithTheTeachersReviewAndTwoObjectives() {
        school = TestSchool.create(schools, staff);
        review = reviews.openReview(school.cycle().id(), school.teacher().id(), school.leader().id());
        List<Objective> objectives = objectiveService.submitObjectives(review.id(),
                List.of(draft("Writing at greater depth", "W1"), draft("Reasoning in maths", "M1")));
        writing = objectives.get(0);
        maths = objectives.get(1);
    }

    // --- self-reflection ---

    @Test
    void readsBackASelfReflectionWithAnEmptyPart() {
        var reflection = new SelfReflection(review.id(), "Guided reading", null, "Something on phonics");

        records.insertSelfReflection(reflection, ACTOR);

        assertThat(records.selectSelfReflection(review.id())).contains(reflection);
    }

    @Test
    void findsNoSelfReflectionBeforeOneIsRecorded() {
        Review assistants = assistantsReview();
        records.insertSelfReflection(new SelfReflection(assistants.id(), "Phonics", null, null), ACTOR);

        assertThat(records.selectSelfReflection(review.id())).isEmpty();
        assertThat(records.selectSelfReflection(-1)).isEmpty();
    }

    @Test
    void refusesASecondSelfReflectionForTheSameReview() {
        records.insertSelfReflection(new SelfReflection(review.id(), "First", null, null), ACTOR);

        assertThatThrownBy(() -> records.insertSelfReflection(
                new SelfReflection(review.id(), "Second", null, null), ACTOR))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(records.selectSelfReflection(review.id())).get().extracting(SelfReflection::strengths)
                .isEqualTo("First");
    }

    @Test
    void refusesASelfReflectionForAReviewThatDoesNotExist() {
        assertThatThrownBy(() -> records.insertSelfReflection(new SelfReflection(-1L, "Lost", null, null), ACTOR))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void fillsTheAuditColumnsOfASelfReflection() {
        LocalDateTime before = databaseNow();
        records.insertSelfReflection(new SelfReflection(review.id(), "Guided reading", null, null), "the-teacher");

        Map<String, Object> audit = jdbc.queryForMap(
                "select created_by, created_at, updated_by, updated_at from self_reflection where review_id = ?",
                review.id());
        assertThat(audit).containsEntry("created_by", "the-teacher").containsEntry("updated_by", "the-teacher");
        assertThat(timestamp(audit, "created_at")).isBetween(before.minusSeconds(1), databaseNow());
        assertThat(timestamp(audit, "updated_at")).isEqualTo(timestamp(audit, "created_at"));
    }

    // --- mid-year check ---

    @Test
    void recordsAMidYearCheckWithItsNoteAndWhetherObjectivesChanged() {
        assertThat(records.selectMidYearCheckId(review.id())).isEmpty();

        records.insertMidYearCheck(review.id(), "Good progress overall", true, "the-leader");

        long checkId = records.selectMidYearCheckId(review.id()).orElseThrow();
        assertThat(jdbc.queryForMap("select review_id, overall_note, objectives_changed, created_by"
                + " from mid_year_check where id = ?", checkId))
                .containsEntry("review_id", review.id())
                .containsEntry("overall_note", "Good progress overall")
                .containsEntry("objectives_changed", true)
                .containsEntry("created_by", "the-leader");
    }

    @Test
    void recordsAMidYearCheckWithoutANoteOrChanges() {
        records.insertMidYearCheck(review.id(), null, false, ACTOR);

        long checkId = records.selectMidYearCheckId(review.id()).orElseThrow();
        assertThat(jdbc.queryForMap("select overall_note, objectives_changed from mid_year_check where id = ?",
                checkId)).containsEntry("overall_note", null).containsEntry("objectives_changed", false);
    }

    @Test
    void refusesASecondMidYearCheckForTheSameReview() {
        records.insertMidYearCheck(review.id(), "First", false, ACTOR);
        long checkId = records.selectMidYearCheckId(review.id()).orElseThrow();

        assertThatThrownBy(() -> records.insertMidYearCheck(review.id(), "Second", true, ACTOR))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(records.selectMidYearCheckId(review.id())).contains(checkId);
    }

    @Test
    void findsTheMidYearCheckOfOneReviewOnly() {
        Review assistants = assistantsReview();
        records.insertMidYearCheck(review.id(), "Teacher's", false, ACTOR);
        records.insertMidYearCheck(assistants.id(), "Assistant's", false, ACTOR);

        long teachers = records.selectMidYearCheckId(review.id()).orElseThrow();
        long assistantsCheck = records.selectMidYearCheckId(assistants.id()).orElseThrow();

        assertThat(teachers).isNotEqualTo(assistantsCheck);
        assertThat(jdbc.queryForObject("select overall_note from mid_year_check where id = ?", String.class, teachers))
                .isEqualTo("Teacher's");
        assertThat(records.selectMidYearCheckId(-1)).isEmpty();
    }

    @Test
    void readsBackTheProgressOnEachObjectiveInObjectiveOrder() {
        long checkId = midYearCheck(review);
        var onMaths = new MidYearProgress(maths.id(), ProgressStatus.AT_RISK, "Reasoning not yet routine");
        var onWriting = new MidYearProgress(writing.id(), ProgressStatus.ON_TRACK, null);
        records.insertMidYearProgress(checkId, onMaths, ACTOR);
        records.insertMidYearProgress(checkId, onWriting, ACTOR);

        assertThat(records.selectMidYearProgress(review.id())).containsExactly(onWriting, onMaths);
    }

    @Test
    void readsTheProgressOfOneReviewOnly() {
        Review assistants = assistantsReview();
        Objective phonics = objectiveService.submitObjectives(assistants.id(), List.of(draft("Phonics", "W1"))).get(0);
        records.insertMidYearProgress(midYearCheck(assistants),
                new MidYearProgress(phonics.id(), ProgressStatus.OFF_TRACK, "Groups not started"), ACTOR);
        long checkId = midYearCheck(review);
        records.insertMidYearProgress(checkId, new MidYearProgress(writing.id(), ProgressStatus.ON_TRACK, null), ACTOR);

        assertThat(records.selectMidYearProgress(review.id()))
                .containsExactly(new MidYearProgress(writing.id(), ProgressStatus.ON_TRACK, null));
        assertThat(records.selectMidYearProgress(assistants.id()))
                .containsExactly(new MidYearProgress(phonics.id(), ProgressStatus.OFF_TRACK, "Groups not started"));
    }

    @Test
    void findsNoProgressBeforeTheMidYearCheck() {
        assertThat(records.selectMidYearProgress(review.id())).isEmpty();
        midYearCheck(review);
        assertThat(records.selectMidYearProgress(review.id())).isEmpty();
    }

    @Test
    void refusesProgressOnTheSameObjectiveTwiceInOneCheck() {
        long checkId = midYearCheck(review);
        records.insertMidYearProgress(checkId, new MidYearProgress(writing.id(), ProgressStatus.ON_TRACK, null), ACTOR);

        assertThatThrownBy(() -> records.insertMidYearProgress(checkId,
                new MidYearProgress(writing.id(), ProgressStatus.OFF_TRACK, null), ACTOR))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(records.selectMidYearProgress(review.id())).singleElement()
                .extracting(MidYearProgress::status).isEqualTo(ProgressStatus.ON_TRACK);
    }

    @Test
    void refusesProgressOnAnObjectiveOrCheckThatDoesNotExist() {
        long checkId = midYearCheck(review);

        assertThatThrownBy(() -> records.insertMidYearProgress(checkId,
                new MidYearProgress(-1L, ProgressStatus.ON_TRACK, null), ACTOR))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> records.insertMidYearProgress(-1L,
                new MidYearProgress(writing.id(), ProgressStatus.ON_TRACK, null), ACTOR))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    // --- final review ---

    @Test
    void readsBackEveryColumnOfAFinalReview() {
        var written = new FinalReview(null, review.id(), 1, "Pupils write at length", "Sharper modelling",
                "Led the writing INSET", "Writing moderation course", "Better feedback", "Leadership course",
                PayRecommendation.PROGRESS, "All objectives met");

        records.insertFinalReview(written, ACTOR);

        FinalReview read = records.selectLatestFinalReview(review.id()).orElseThrow();
        assertThat(read.id()).isNotNull();
        assertThat(read).isEqualTo(new FinalReview(read.id(), review.id(), 1, "Pupils write at length",
                "Sharper modelling", "Led the writing INSET", "Writing moderation course", "Better feedback",
                "Leadership course", PayRecommendation.PROGRESS, "All objectives met"));
    }

    @Test
    void readsBackAFinalReviewWithoutPayRecommendationOrOptionalParts() {
        Review assistants = assistantsReview();
        var written = new FinalReview(null, assistants.id(), 1, "Pupils", "Practice", "Colleagues", null, null, null,
                null, null);

        records.insertFinalReview(written, ACTOR);

        FinalReview read = records.selectLatestFinalReview(assistants.id()).orElseThrow();
        assertThat(read).isEqualTo(new FinalReview(read.id(), assistants.id(), 1, "Pupils", "Practice", "Colleagues",
                null, null, null, null, null));
    }

    @Test
    void findsNoFinalReviewBeforeOneIsWritten() {
        finalReview(assistantsReview(), 1);

        assertThat(records.selectLatestFinalReview(review.id())).isEmpty();
        assertThat(records.selectLatestFinalReview(-1)).isEmpty();
    }

    @Test
    void returnsTheHighestRoundOfTheReviewAsTheLatest() {
        FinalReview first = finalReview(review, 1);
        FinalReview third = finalReview(review, 3);
        FinalReview second = finalReview(review, 2);
        finalReview(assistantsReview(), 4);

        assertThat(records.selectLatestFinalReview(review.id())).contains(third);
        assertThat(List.of(first.id(), second.id(), third.id())).doesNotHaveDuplicates();
        assertThat(jdbc.queryForObject("select count(*) from final_review where review_id = ?", Integer.class,
                review.id())).isEqualTo(3);
    }

    @Test
    void refusesTwoFinalReviewsWithTheSameRound() {
        finalReview(review, 1);

        assertThatThrownBy(() -> records.insertFinalReview(new FinalReview(null, review.id(), 1, "Again", "Again",
                "Again", null, null, null, PayRecommendation.NO_PROGRESS, "Again"), ACTOR))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(records.selectLatestFinalReview(review.id())).get().extracting(FinalReview::impactOnPupils)
                .isEqualTo("Impact on pupils, round 1");
    }

    @Test
    void refusesAFinalReviewOfAReviewThatDoesNotExist() {
        assertThatThrownBy(() -> records.insertFinalReview(new FinalReview(null, -1L, 1, "Pupils", "Practice",
                "Colleagues", null, null, null, null, null), ACTOR))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    // --- outcomes ---

    @Test
    void readsBackTheOutcomesOfOneRoundInObjectiveOrder() {
        FinalReview first = finalReview(review, 1);
        FinalReview second = finalReview(review, 2);
        var mathsNotMet = new ObjectiveOutcome(maths.id(), Outcome.NOT_MET, "Reasoning seen in a third of lessons");
        var writingMet = new ObjectiveOutcome(writing.id(), Outcome.MET, "35% at greater depth");
        var mathsPartlyMet = new ObjectiveOutcome(maths.id(), Outcome.PARTLY_MET, "Reasoning seen in half the lessons");
        records.insertOutcome(first.id(), mathsNotMet, ACTOR);
        records.insertOutcome(first.id(), writingMet, ACTOR);
        records.insertOutcome(second.id(), mathsPartlyMet, ACTOR);

        assertThat(records.selectOutcomes(first.id())).containsExactly(writingMet, mathsNotMet);
        assertThat(records.selectOutcomes(second.id())).containsExactly(mathsPartlyMet);
        assertThat(records.selectOutcomes(-1)).isEmpty();
    }

    @Test
    void refusesTwoOutcomesForTheSameObjectiveInOneRound() {
        FinalReview first = finalReview(review, 1);
        records.insertOutcome(first.id(), new ObjectiveOutcome(writing.id(), Outcome.MET, "Evidence"), ACTOR);

        assertThatThrownBy(() -> records.insertOutcome(first.id(),
                new ObjectiveOutcome(writing.id(), Outcome.NOT_MET, "Other evidence"), ACTOR))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(records.selectOutcomes(first.id())).extracting(ObjectiveOutcome::outcome)
                .containsExactly(Outcome.MET);
    }

    @Test
    void refusesAnOutcomeOfAnObjectiveOrFinalReviewThatDoesNotExist() {
        FinalReview first = finalReview(review, 1);

        assertThatThrownBy(() -> records.insertOutcome(first.id(),
                new ObjectiveOutcome(-1L, Outcome.MET, "Evidence"), ACTOR))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> records.insertOutcome(-1L,
                new ObjectiveOutcome(writing.id(), Outcome.MET, "Evidence"), ACTOR))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    // --- the reviewee's sign-off ---

    @Test
    void readsBackTheRevieweesSignOffWithWhoSignedAndWhen() {
        FinalReview first = finalReview(review, 1);
        LocalDateTime before = databaseNow();

        records.insertRevieweeSignOff(first.id(), "A fair summary of my year", school.teacher().username());

        RevieweeSignOff signOff = records.selectRevieweeSignOff(first.id()).orElseThrow();
        assertThat(signOff).isEqualTo(new RevieweeSignOff(first.id(), "A fair summary of my year",
                school.teacher().username(), createdAt("reviewee_sign_off", first.id()), null));
        assertThat(signOff.signedAt()).isBetween(before.minusSeconds(1), databaseNow());
    }

    @Test
    void readsBackASignOffWithoutComments() {
        FinalReview first = finalReview(review, 1);

        records.insertRevieweeSignOff(first.id(), null, ACTOR);

        assertThat(records.selectRevieweeSignOff(first.id())).get().extracting(RevieweeSignOff::comments).isNull();
    }

    @Test
    void findsNoSignOffForARoundNotSigned() {
        FinalReview first = finalReview(review, 1);
        FinalReview second = finalReview(review, 2);
        records.insertRevieweeSignOff(first.id(), "Signed the first round", ACTOR);

        assertThat(records.selectRevieweeSignOff(second.id())).isEmpty();
        assertThat(records.selectRevieweeSignOff(-1)).isEmpty();
    }

    @Test
    void refusesASecondSignOffOfTheSameFinalReviewButAllowsOneOnTheNextRound() {
        FinalReview first = finalReview(review, 1);
        records.insertRevieweeSignOff(first.id(), "First signature", ACTOR);

        assertThatThrownBy(() -> records.insertRevieweeSignOff(first.id(), "Second signature", ACTOR))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(records.selectRevieweeSignOff(first.id())).get().extracting(RevieweeSignOff::comments)
                .isEqualTo("First signature");

        FinalReview second = finalReview(review, 2);
        records.insertRevieweeSignOff(second.id(), "Signed the rewritten review", ACTOR);
        assertThat(records.selectRevieweeSignOff(second.id())).get().extracting(RevieweeSignOff::comments)
                .isEqualTo("Signed the rewritten review");
    }

    @Test
    void refusesASignOffOfAFinalReviewThatDoesNotExist() {
        assertThatThrownBy(() -> records.insertRevieweeSignOff(-1L, "Nothing to sign", ACTOR))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    // --- the head's decisions on the final review ---

    @Test
    void listsTheDecisionsOnEveryRoundInRoundOrder() {
        FinalReview second = finalReview(review, 2);
        FinalReview first = finalReview(review, 1);
        LocalDateTime before = databaseNow();
        records.insertFinalReviewDecision(new FinalReviewDecision(second.id(), SignOffDecision.SIGNED_OFF, null,
                "Consistent with the school's evidence", null, null), "the-head");
        records.insertFinalReviewDecision(new FinalReviewDecision(first.id(), SignOffDecision.RETURNED,
                "No evidence for objective 2", null, null, null), "the-deputy-head");

        List<FinalReviewDecision> decisions = records.selectFinalReviewDecisions(review.id());

        assertThat(decisions).containsExactly(
                new FinalReviewDecision(first.id(), SignOffDecision.RETURNED, "No evidence for objective 2", null,
                        "the-deputy-head", createdAt("final_review_decision", first.id())),
                new FinalReviewDecision(second.id(), SignOffDecision.SIGNED_OFF, null,
                        "Consistent with the school's evidence", "the-head",
                        createdAt("final_review_decision", second.id())));
        assertThat(decisions).allSatisfy(decision -> assertThat(decision.decidedAt())
                .isBetween(before.minusSeconds(1), databaseNow()));
    }

    @Test
    void takesWhoDecidedFromTheActorNotFromTheDecision() {
        FinalReview first = finalReview(review, 1);

        records.insertFinalReviewDecision(new FinalReviewDecision(first.id(), SignOffDecision.SIGNED_OFF, null, null,
                "someone-else", LocalDateTime.MIN), "the-head");

        assertThat(records.selectFinalReviewDecisions(review.id())).singleElement().satisfies(decision -> {
            assertThat(decision.decidedBy()).isEqualTo("the-head");
            assertThat(decision.decidedAt()).isAfter(LocalDateTime.MIN);
        });
    }

    @Test
    void listsTheDecisionsOfOneReviewOnly() {
        Review assistants = assistantsReview();
        FinalReview assistantsFinal = finalReview(assistants, 1);
        finalReview(review, 1);
        records.insertFinalReviewDecision(new FinalReviewDecision(assistantsFinal.id(), SignOffDecision.SIGNED_OFF,
                null, null, null, null), "the-head");

        assertThat(records.selectFinalReviewDecisions(review.id())).isEmpty();
        assertThat(records.selectFinalReviewDecisions(assistants.id())).extracting(FinalReviewDecision::finalReviewId)
                .containsExactly(assistantsFinal.id());
    }

    @Test
    void refusesASecondDecisionOnTheSameRound() {
        FinalReview first = finalReview(review, 1);
        records.insertFinalReviewDecision(new FinalReviewDecision(first.id(), SignOffDecision.RETURNED, "Too thin",
                null, null, null), "the-head");

        assertThatThrownBy(() -> records.insertFinalReviewDecision(new FinalReviewDecision(first.id(),
                SignOffDecision.SIGNED_OFF, null, null, null, null), "the-head"))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(records.selectFinalReviewDecisions(review.id())).singleElement()
                .extracting(FinalReviewDecision::decision).isEqualTo(SignOffDecision.RETURNED);
    }

    @Test
    void refusesADecisionOnAFinalReviewThatDoesNotExist() {
        assertThatThrownBy(() -> records.insertFinalReviewDecision(new FinalReviewDecision(-1L,
                SignOffDecision.SIGNED_OFF, null, null, null, null), "the-head"))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    // --- fixtures ---

    private static ObjectiveDraft draft(String title, String priorityCode) {
        return new ObjectiveDraft(title, priorityCode, "Criteria for " + title, "Evidence for " + title, null, false);
    }

    private Review assistantsReview() {
        return reviews.openReview(school.cycle().id(), school.assistant().id(), school.leader().id());
    }

    private long midYearCheck(Review review) {
        records.insertMidYearCheck(review.id(), "Overall", false, ACTOR);
        return records.selectMidYearCheckId(review.id()).orElseThrow();
    }

    /** Round {@code round} of the final review, read back with its id. */
    private FinalReview finalReview(Review review, int round) {
        records.insertFinalReview(new FinalReview(null, review.id(), round, "Impact on pupils, round " + round,
                "Impact on practice, round " + round, "Impact on colleagues, round " + round, null, null, null,
                PayRecommendation.PROGRESS, "Reason, round " + round), ACTOR);
        long id = jdbc.queryForObject("select id from final_review where review_id = ? and round = ?", Long.class,
                review.id(), round);
        return new FinalReview(id, review.id(), round, "Impact on pupils, round " + round,
                "Impact on practice, round " + round, "Impact on colleagues, round " + round, null, null, null,
                PayRecommendation.PROGRESS, "Reason, round " + round);
    }

    private LocalDateTime createdAt(String table, long finalReviewId) {
        return timestamp(jdbc.queryForMap("select created_at from " + table + " where final_review_id = ?",
                finalReviewId), "created_at");
    }

    private static LocalDateTime timestamp(Map<String, Object> row, String column) {
        Object value = row.get(column);
        assertThat(value).as(column).isNotNull();
        return value instanceof java.sql.Timestamp t ? t.toLocalDateTime() : (LocalDateTime) value;
    }

    private LocalDateTime databaseNow() {
        return jdbc.queryForObject("select current_timestamp", LocalDateTime.class);
    }

    // --- self-review ---

    @Test
    void readsBackASelfReviewByObjectiveNumberWithWhoWroteIt() {
        records.insertSelfReview(review.id(), "A good year", school.teacher().username());
        records.insertSelfReviewObjective(review.id(), maths.id(), "Reasoning prompts in every lesson", null,
                school.teacher().username());
        records.insertSelfReviewObjective(review.id(), writing.id(), "Extended writing weekly", "Books",
                school.teacher().username());

        assertThat(records.selectSelfReview(review.id())).get().satisfies(s -> {
            assertThat(s.overall()).isEqualTo("A good year");
            assertThat(s.writtenBy()).isEqualTo(school.teacher().username());
            assertThat(s.writtenAt()).isNotNull();
        });
        assertThat(records.selectSelfReviewObjectives(review.id())).containsExactly(
                new SelfReviewObjective(writing.id(), 1, "Writing at greater depth", "Extended writing weekly", "Books"),
                new SelfReviewObjective(maths.id(), 2, "Reasoning in maths", "Reasoning prompts in every lesson", null));
    }

    @Test
    void aSelfReviewIsWrittenOnceAndOnlyForAnObjectiveThatExists() {
        records.insertSelfReview(review.id(), null, "t");

        assertThatThrownBy(() -> records.insertSelfReview(review.id(), "Again", "t")).isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> records.insertSelfReviewObjective(review.id(), -1, "Lost", null, "t"))
                .isInstanceOf(DataIntegrityViolationException.class);
        Review assistants = reviews.openReview(school.cycle().id(), school.assistant().id(), school.leader().id());
        assertThat(records.selectSelfReview(assistants.id())).isEmpty();
        assertThat(records.selectSelfReviewObjectives(assistants.id())).isEmpty();
    }

    // --- disagreements ---

    @Test
    void listsEveryDisagreementOldestFirstWithTheHeadsAnswerAndPeoplesNames() {
        respond(1, "DISAGREED", "Objective 2 is not mine");
        respond(2, "ACKNOWLEDGED", null);
        long finalReviewId = finalReviewRound(1);
        records.insertRevieweeSignOff(finalReviewId, "Comments", "Objective 1 was met", school.teacher().username());
        records.insertDisagreementAnswer(review.id(), DisagreementSubject.OBJECTIVES, 1, "It stands", true,
                school.head().username());
        // another review's disagreement is not this one's
        Review assistants = reviews.openReview(school.cycle().id(), school.assistant().id(), school.leader().id());
        jdbc.update("insert into objective_response (review_id, round, response, reason, created_by, created_at,"
                + " updated_by, updated_at) values (?, 1, 'DISAGREED', 'Not me', 'x', current_timestamp, 'x',"
                + " current_timestamp)", assistants.id());

        List<Disagreement> all = records.selectDisagreements(review.id());

        assertThat(all).extracting(Disagreement::subject, Disagreement::round, Disagreement::reason,
                Disagreement::raisedBy, Disagreement::raisedByName, Disagreement::response, Disagreement::objectivesStand,
                Disagreement::answeredBy, Disagreement::answeredByName).containsExactly(
                tuple(DisagreementSubject.OBJECTIVES, 1, "Objective 2 is not mine", school.teacher().username(),
                        school.teacher().fullName(), "It stands", true, school.head().username(), school.head().fullName()),
                tuple(DisagreementSubject.FINAL_REVIEW, 1, "Objective 1 was met", school.teacher().username(),
                        school.teacher().fullName(), null, null, null, null));
        assertThat(all.get(0).raisedAt()).isNotNull();
        assertThat(all.get(0).answeredAt()).isNotNull();
        assertThat(all.get(1).answered()).isFalse();
        assertThat(records.selectDisagreements(assistants.id())).singleElement()
                .satisfies(d -> assertThat(d.raisedByName()).as("no such person").isNull());
    }

    @Test
    void aSignOffInAgreementIsNoDisagreementAndADisagreementIsAnsweredOnce() {
        long finalReviewId = finalReviewRound(1);
        records.insertRevieweeSignOff(finalReviewId, "Fair", school.teacher().username());
        assertThat(records.selectDisagreements(review.id())).isEmpty();
        assertThat(records.selectRevieweeSignOff(finalReviewId)).get()
                .satisfies(s -> assertThat(s.disagrees()).isFalse());

        records.insertDisagreementAnswer(review.id(), DisagreementSubject.FINAL_REVIEW, 1, "Answered", null, "h");
        assertThatThrownBy(() -> records.insertDisagreementAnswer(review.id(), DisagreementSubject.FINAL_REVIEW, 1,
                "Again", null, "h")).isInstanceOf(DuplicateKeyException.class);
    }

    // --- CPD needs carried forward ---

    @Test
    void carriesTheCpdNeedsOfThePersonsLatestEarlierReviewOnly() {
        long twoYearsAgo = earlierReview(2024, school.teacher().id());
        observation(twoYearsAgo, LocalDate.of(2025, 3, 1), "Too old to suggest");
        long lastYear = earlierReview(2025, school.teacher().id());
        observation(lastYear, LocalDate.of(2026, 3, 2), "Questioning");
        observation(lastYear, LocalDate.of(2025, 11, 10), "Behaviour for learning");
        observation(lastYear, LocalDate.of(2026, 1, 12), null);
        observation(lastYear, LocalDate.of(2026, 1, 13), "");
        finalReviewOf(lastYear, 1, "Round one's needs");
        finalReviewOf(lastYear, 2, "Leading a phase team");
        long someoneElses = earlierReview(2025, school.assistant().id());
        observation(someoneElses, LocalDate.of(2026, 2, 2), "Not the teacher's");

        assertThat(records.selectCpdNeedsCarriedForward(review.id())).containsExactly(
                new CarriedCpdNeed("2025/26", LocalDate.of(2025, 11, 10), "Behaviour for learning"),
                new CarriedCpdNeed("2025/26", LocalDate.of(2026, 3, 2), "Questioning"),
                new CarriedCpdNeed("2025/26", null, "Leading a phase team"));
        assertThat(records.selectCpdNeedsCarriedForward(twoYearsAgo)).isEmpty();
    }

    // --- helpers of the self-review, disagreement and CPD tests ---

    private void respond(int round, String response, String reason) {
        jdbc.update("insert into objective_response (review_id, round, response, reason, created_by, created_at,"
                + " updated_by, updated_at) values (?, ?, ?, ?, ?, current_timestamp, ?, current_timestamp)",
                review.id(), round, response, reason, school.teacher().username(), school.teacher().username());
    }

    private long finalReviewRound(int round) {
        return finalReviewOf(review.id(), round, null);
    }

    private long finalReviewOf(long reviewId, int round, String developmentNeeds) {
        records.insertFinalReview(new FinalReview(null, reviewId, round, "Pupils", "Practice", "Colleagues", null, null,
                developmentNeeds, null, null), "t");
        return jdbc.queryForObject("select id from final_review where review_id = ? and round = ?", Long.class,
                reviewId, round);
    }

    private long earlierReview(int startYear, long staffId) {
        String year = startYear + "/" + String.valueOf(startYear + 1).substring(2);
        ReviewCycle cycle = schools.findCycle(school.school().id(), year).orElseGet(() -> schools.planCycle(
                new ReviewCycle(null, school.school().id(), year, LocalDate.of(startYear, 10, 31),
                        LocalDate.of(startYear + 1, 2, 1), LocalDate.of(startYear + 1, 6, 14),
                        LocalDate.of(startYear + 1, 7, 16), null)));
        return reviews.openReview(cycle.id(), staffId, school.leader().id()).id();
    }

    private void observation(long reviewId, LocalDate on, String cpdNeeds) {
        jdbc.update("insert into lesson_observation (review_id, observer, observed_on, judgement, strengths,"
                + " areas_to_develop, cpd_needs, created_by, created_at, updated_by, updated_at)"
                + " values (?, 'leader', ?, 'GOOD', 'S', 'A', ?, 't', current_timestamp, 't', current_timestamp)",
                reviewId, on, cpdNeeds);
    }
}

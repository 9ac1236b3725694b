package org.reviewcycle.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewcycle.objective.Objective;
import org.reviewcycle.objective.ObjectiveDraft;
import org.reviewcycle.objective.ObjectiveService;
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
 * final review with their outcomes, the reviewee's sign-off and the head's decisions.
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
}

package org.reviewcycle.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import java.util.List;

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
 * The SQL of V16 in ReviewRecordMapper.xml on MariaDB: the self-review per objective, every
 * disagreement of a review with the head's answer, and the CPD needs carried into the next year.
 */
@MariaDbTest
@Transactional
class SelfReviewAndDisagreementsOnMariaDbTest {

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
        long finalReviewId = finalReview(1);
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
        long finalReviewId = finalReview(1);
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

    // --- helpers ---

    private void respond(int round, String response, String reason) {
        jdbc.update("insert into objective_response (review_id, round, response, reason, created_by, created_at,"
                + " updated_by, updated_at) values (?, ?, ?, ?, ?, current_timestamp, ?, current_timestamp)",
                review.id(), round, response, reason, school.teacher().username(), school.teacher().username());
    }

    private long finalReview(int round) {
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

    private static ObjectiveDraft draft(String title, String priorityCode) {
        return new ObjectiveDraft(title, priorityCode, "Criteria for " + title, "Evidence for " + title, null, false);
    }
}

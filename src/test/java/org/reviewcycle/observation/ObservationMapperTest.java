package org.reviewcycle.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewcycle.objective.Objective;
import org.reviewcycle.objective.ObjectiveDraft;
import org.reviewcycle.objective.ObjectiveService;
import org.reviewcycle.observation.ObservationMapper.NewObservationRow;
import org.reviewcycle.review.Review;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.MariaDbTest;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/** ObservationMapper.xml on MariaDB: observed lessons, the objectives in their focus, read back by date. */
@MariaDbTest
@Transactional
class ObservationMapperTest {

    private static final String ACTOR = "mapper-test";

    @Autowired ObservationMapper observations;
    @Autowired ObjectiveService objectiveService;
    @Autowired ReviewService reviews;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired JdbcTemplate jdbc;

    private TestSchool school;
    private Review review;
    private Objective writing;
    private Objective maths;
    private Objective reading;

    @BeforeEach
    void aSchoolWithTheTeachersReviewAndThreeObjectives() {
        school = TestSchool.create(schools, staff);
        review = reviews.openReview(school.cycle().id(), school.teacher().id(), school.leader().id());
        List<Objective> objectives = objectiveService.submitObjectives(review.id(), List.of(
                draft("Writing at greater depth", "W1"), draft("Reasoning in maths", "M1"),
                draft("Reading for pleasure", "W1")));
        writing = objectives.get(0);
        maths = objectives.get(1);
        reading = objectives.get(2);
    }

    @Test
    void fillsTheGeneratedIdIntoTheRow() {
        var row = new NewObservationRow(observation(review, LocalDate.of(2026, 11, 12), Judgement.GOOD));
        assertThat(row.getId()).isNull();

        observations.insertObservation(row, ACTOR);

        assertThat(row.getId()).isNotNull();
        assertThat(jdbc.queryForObject("select review_id from lesson_observation where id = ?", Long.class,
                row.getId())).isEqualTo(review.id());
    }

    @Test
    void givesEachObservationItsOwnId() {
        long first = insert(observation(review, LocalDate.of(2026, 11, 12), Judgement.GOOD));
        long second = insert(observation(review, LocalDate.of(2026, 11, 12), Judgement.GOOD));

        assertThat(second).isGreaterThan(first);
    }

    @Test
    void readsBackAnObservationWithTheObjectivesInItsFocus() {
        var observed = new LessonObservation(null, review.id(), "deputy.observer", LocalDate.of(2027, 1, 20),
                Judgement.REQUIRES_IMPROVEMENT, "Clear modelling of the writing", "Pace of the independent task",
                "Coaching on questioning", List.of());
        long id = insert(observed);
        observations.insertFocus(id, reading.id(), ACTOR);
        observations.insertFocus(id, writing.id(), ACTOR);

        assertThat(observations.selectByReview(review.id())).containsExactly(new LessonObservation(id, review.id(),
                "deputy.observer", LocalDate.of(2027, 1, 20), Judgement.REQUIRES_IMPROVEMENT,
                "Clear modelling of the writing", "Pace of the independent task", "Coaching on questioning",
                List.of(writing.id(), reading.id())));
    }

    @Test
    void readsBackAnObservationWithoutFocusAsAnEmptyList() {
        var observed = new LessonObservation(null, review.id(), "head.observer", LocalDate.of(2026, 12, 3),
                Judgement.OUTSTANDING, "Strengths", "Areas to develop", null, List.of());
        long id = insert(observed);

        assertThat(observations.selectByReview(review.id())).containsExactly(new LessonObservation(id, review.id(),
                "head.observer", LocalDate.of(2026, 12, 3), Judgement.OUTSTANDING, "Strengths", "Areas to develop",
                null, List.of()));
    }

    @Test
    void listsTheObservationsOfAReviewByDateThenInTheOrderRecorded() {
        long lateFirst = insert(observation(review, LocalDate.of(2027, 3, 9), Judgement.GOOD));
        long early = insert(observation(review, LocalDate.of(2026, 11, 12), Judgement.INADEQUATE));
        long lateSecond = insert(observation(review, LocalDate.of(2027, 3, 9), Judgement.OUTSTANDING));

        List<LessonObservation> read = observations.selectByReview(review.id());

        assertThat(read).extracting(LessonObservation::id).containsExactly(early, lateFirst, lateSecond);
        assertThat(read).extracting(LessonObservation::judgement)
                .containsExactly(Judgement.INADEQUATE, Judgement.GOOD, Judgement.OUTSTANDING);
    }

    @Test
    void keepsTheFocusOfEachObservationApart() {
        long first = insert(observation(review, LocalDate.of(2026, 11, 12), Judgement.GOOD));
        long second = insert(observation(review, LocalDate.of(2027, 2, 4), Judgement.GOOD));
        observations.insertFocus(first, maths.id(), ACTOR);
        observations.insertFocus(second, writing.id(), ACTOR);
        observations.insertFocus(second, maths.id(), ACTOR);

        assertThat(observations.selectByReview(review.id())).extracting(LessonObservation::focusObjectiveIds)
                .containsExactly(List.of(maths.id()), List.of(writing.id(), maths.id()));
    }

    @Test
    void listsTheObservationsOfOneReviewOnly() {
        Review assistants = reviews.openReview(school.cycle().id(), school.assistant().id(), school.leader().id());
        long teachers = insert(observation(review, LocalDate.of(2026, 11, 12), Judgement.GOOD));
        insert(observation(assistants, LocalDate.of(2026, 10, 1), Judgement.GOOD));

        assertThat(observations.selectByReview(review.id())).extracting(LessonObservation::id)
                .containsExactly(teachers);
    }

    @Test
    void findsNoObservationsForAReviewWithoutAny() {
        Review assistants = reviews.openReview(school.cycle().id(), school.assistant().id(), school.leader().id());
        insert(observation(review, LocalDate.of(2026, 11, 12), Judgement.GOOD));

        assertThat(observations.selectByReview(assistants.id())).isEmpty();
        assertThat(observations.selectByReview(-1)).isEmpty();
    }

    @Test
    void refusesTheSameObjectiveTwiceInTheFocusOfOneObservation() {
        long id = insert(observation(review, LocalDate.of(2026, 11, 12), Judgement.GOOD));
        observations.insertFocus(id, maths.id(), ACTOR);

        assertThatThrownBy(() -> observations.insertFocus(id, maths.id(), ACTOR))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(observations.selectByReview(review.id())).singleElement()
                .extracting(LessonObservation::focusObjectiveIds).isEqualTo(List.of(maths.id()));
    }

    @Test
    void refusesAFocusOnAnObjectiveOrObservationThatDoesNotExist() {
        long id = insert(observation(review, LocalDate.of(2026, 11, 12), Judgement.GOOD));

        assertThatThrownBy(() -> observations.insertFocus(id, -1L, ACTOR))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> observations.insertFocus(-1L, maths.id(), ACTOR))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void refusesAnObservationOfAReviewThatDoesNotExist() {
        var row = new NewObservationRow(new LessonObservation(null, -1L, "nobody", LocalDate.of(2026, 11, 12),
                Judgement.GOOD, "Strengths", "Areas", null, List.of()));

        assertThatThrownBy(() -> observations.insertObservation(row, ACTOR))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void fillsTheAuditColumnsOfAnObservationAndItsFocus() {
        LocalDateTime before = databaseNow();
        long id = insert(observation(review, LocalDate.of(2026, 11, 12), Judgement.GOOD));
        observations.insertFocus(id, writing.id(), "the-observer");

        Map<String, Object> observation = jdbc.queryForMap(
                "select created_by, created_at, updated_by, updated_at from lesson_observation where id = ?", id);
        assertThat(observation).containsEntry("created_by", ACTOR).containsEntry("updated_by", ACTOR);
        assertThat(timestamp(observation, "created_at")).isBetween(before.minusSeconds(1), databaseNow());
        assertThat(timestamp(observation, "updated_at")).isEqualTo(timestamp(observation, "created_at"));
        Map<String, Object> focus = jdbc.queryForMap("select created_by, created_at, updated_by, updated_at"
                + " from observation_focus where observation_id = ? and objective_id = ?", id, writing.id());
        assertThat(focus).containsEntry("created_by", "the-observer").containsEntry("updated_by", "the-observer");
        assertThat(timestamp(focus, "created_at")).isBetween(before.minusSeconds(1), databaseNow());
    }

    // --- fixtures ---

    private static ObjectiveDraft draft(String title, String priorityCode) {
        return new ObjectiveDraft(title, priorityCode, "Criteria for " + title, "Evidence for " + title, null, false);
    }

    private static LessonObservation observation(Review review, LocalDate observedOn, Judgement judgement) {
        return new LessonObservation(null, review.id(), "observer", observedOn, judgement,
                "Strengths on " + observedOn, "Areas to develop on " + observedOn, null, List.of());
    }

    private long insert(LessonObservation observation) {
        var row = new NewObservationRow(observation);
        observations.insertObservation(row, ACTOR);
        return row.getId();
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

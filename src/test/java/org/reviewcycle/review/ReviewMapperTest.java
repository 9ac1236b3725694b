package org.reviewcycle.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewcycle.school.ReviewCycle;
import org.reviewcycle.school.School;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffCategory;
import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.MariaDbTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/** ReviewMapper.xml on MariaDB: one review per member of staff per cycle, started once, audited. */
@MariaDbTest
@Transactional
class ReviewMapperTest {

    private static final String ACTOR = "mapper-test";

    @Autowired ReviewMapper reviews;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired JdbcTemplate jdbc;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    private School school;
    private ReviewCycle cycle;
    private StaffMember head;
    private StaffMember tom;

    @BeforeEach
    void aSchoolWithACycleAHeadAndATeacher() {
        school = schools.createSchool("oak-" + suffix, "Oak Primary " + suffix);
        cycle = cycle("2026/27");
        head = person("hana", StaffCategory.HEADTEACHER);
        tom = person("tom", StaffCategory.TEACHER_MPG);
    }

    @Test
    void readsBackAnInsertedReviewByIdAndByCycleAndStaff() {
        Review review = open(cycle, tom, head);

        assertThat(review.id()).isNotNull();
        assertThat(review).isEqualTo(
                new Review(review.id(), cycle.id(), tom.id(), head.id(), ReviewState.LAUNCHING, null));
        assertThat(reviews.selectById(review.id())).contains(review);
    }

    @Test
    void findsNoReviewForSomeoneWithoutOneOrAnUnknownId() {
        open(cycle, tom, head);

        assertThat(reviews.selectByCycleAndStaff(cycle.id(), head.id())).isEmpty();
        assertThat(reviews.selectByCycleAndStaff(cycle("2027/28").id(), tom.id())).isEmpty();
        assertThat(reviews.selectById(-1)).isEmpty();
    }

    @Test
    void refusesASecondReviewForTheSamePersonInTheSameCycle() {
        open(cycle, tom, head);
        StaffMember otherReviewer = person("dan", StaffCategory.DEPUTY_HEAD);

        assertThatThrownBy(() -> reviews.insertReviews(List.of(
                new Review(null, cycle.id(), tom.id(), otherReviewer.id(), ReviewState.LAUNCHING, null)), ACTOR))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(reviews.selectByCycle(cycle.id())).singleElement()
                .extracting(Review::reviewerId).isEqualTo(head.id());
    }

    @Test
    void givesTheSamePersonOneReviewInEachCycle() {
        ReviewCycle nextYear = cycle("2027/28");

        Review first = open(cycle, tom, head);
        Review second = open(nextYear, tom, head);

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(reviews.selectByCycleAndStaff(nextYear.id(), tom.id())).contains(second);
    }

    @Test
    void refusesAReviewForSomeoneWhoDoesNotExistOrInACycleThatDoesNotExist() {
        assertThatThrownBy(() -> reviews.insertReviews(List.of(
                new Review(null, cycle.id(), -1L, head.id(), ReviewState.LAUNCHING, null)), ACTOR))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> reviews.insertReviews(List.of(
                new Review(null, -1L, tom.id(), head.id(), ReviewState.LAUNCHING, null)), ACTOR))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void listsTheReviewsOfOneCycleOnlyInTheOrderTheyWereOpened() {
        StaffMember amy = person("amy", StaffCategory.TEACHING_ASSISTANT);
        Review tomsReview = open(cycle, tom, head);
        Review amysReview = open(cycle, amy, tom);
        Review headsReview = open(cycle, head, tom);
        open(cycle("2027/28"), tom, head);

        assertThat(reviews.selectByCycle(cycle.id())).containsExactly(tomsReview, amysReview, headsReview);
    }

    @Test
    void recordsTheProcessInstanceOfAReviewOnceOnly() {
        Review review = open(cycle, tom, head);

        assertThat(reviews.updateStarted(Map.of(review.id(), "process-1"), ACTOR)).isEqualTo(1);
        assertThat(reviews.selectById(review.id())).contains(
                new Review(review.id(), cycle.id(), tom.id(), head.id(), ReviewState.IN_PROGRESS, "process-1"));

        assertThat(reviews.updateStarted(Map.of(review.id(), "process-2"), "someone-else")).isZero();
        assertThat(reviews.selectById(review.id())).get().extracting(Review::processInstanceId)
                .isEqualTo("process-1");
        assertThat(audit(review.id())).containsEntry("updated_by", ACTOR);
    }

    @Test
    void startsOnlyTheReviewItIsAskedTo() {
        Review tomsReview = open(cycle, tom, head);
        Review headsReview = open(cycle, head, tom);

        reviews.updateStarted(Map.of(tomsReview.id(), "process-1"), ACTOR);

        assertThat(reviews.selectById(headsReview.id())).contains(headsReview);
        assertThat(reviews.updateStarted(Map.of(-1L, "process-3"), ACTOR)).isZero();
    }

    @Test
    void opensTheReviewsOfABatchWithOneStatementAndFindsThemByStaff() {
        StaffMember amy = person("amy", StaffCategory.TEACHING_ASSISTANT);
        StaffMember dan = person("dan", StaffCategory.DEPUTY_HEAD);
        open(cycle("2027/28"), tom, head);

        reviews.insertReviews(List.of(new Review(null, cycle.id(), tom.id(), head.id(), ReviewState.LAUNCHING, null),
                new Review(null, cycle.id(), amy.id(), tom.id(), ReviewState.LAUNCHING, null)), ACTOR);

        assertThat(reviews.selectByCycleAndStaffIds(cycle.id(), List.of(tom.id(), amy.id(), dan.id())))
                .extracting(Review::staffId, Review::reviewerId, Review::state)
                .containsExactlyInAnyOrder(tuple(tom.id(), head.id(), ReviewState.LAUNCHING),
                        tuple(amy.id(), tom.id(), ReviewState.LAUNCHING));
        assertThat(reviews.selectByCycleAndStaffIds(cycle.id(), List.of(amy.id()))).singleElement()
                .extracting(Review::staffId).isEqualTo(amy.id());
        assertThat(audit(reviews.selectByCycleAndStaff(cycle.id(), amy.id()).orElseThrow().id()))
                .containsEntry("created_by", ACTOR);
    }

    @Test
    void refusesTheWholeBatchWhenOneOfItsReviewsExistsAlready() {
        StaffMember amy = person("amy", StaffCategory.TEACHING_ASSISTANT);
        open(cycle, tom, head);

        assertThatThrownBy(() -> reviews.insertReviews(List.of(
                new Review(null, cycle.id(), amy.id(), tom.id(), ReviewState.LAUNCHING, null),
                new Review(null, cycle.id(), tom.id(), head.id(), ReviewState.LAUNCHING, null)), ACTOR))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(reviews.selectByCycle(cycle.id())).extracting(Review::staffId).containsExactly(tom.id());
    }

    @Test
    void startsSeveralReviewsWithOneStatementButNoneOfThemTwice() {
        StaffMember amy = person("amy", StaffCategory.TEACHING_ASSISTANT);
        StaffMember dan = person("dan", StaffCategory.DEPUTY_HEAD);
        Review tomsReview = open(cycle, tom, head);
        Review amysReview = open(cycle, amy, tom);
        Review dansReview = open(cycle, dan, head);
        reviews.updateStarted(Map.of(tomsReview.id(), "process-1"), ACTOR);

        assertThat(reviews.updateStarted(Map.of(tomsReview.id(), "process-9", amysReview.id(), "process-2",
                dansReview.id(), "process-3"), ACTOR)).isEqualTo(2);

        assertThat(reviews.selectByCycle(cycle.id())).extracting(Review::staffId, Review::processInstanceId, Review::state)
                .containsExactly(tuple(tom.id(), "process-1", ReviewState.IN_PROGRESS),
                        tuple(amy.id(), "process-2", ReviewState.IN_PROGRESS),
                        tuple(dan.id(), "process-3", ReviewState.IN_PROGRESS));
    }

    @Test
    void readsAReviewWithItsCycleSchoolRevieweeAndReviewerInOneQuery() {
        StaffMember amy = person("amy", StaffCategory.TEACHING_ASSISTANT);
        Review review = open(cycle, amy, tom);

        ReviewFacts facts = reviews.selectFacts(review.id()).orElseThrow();

        assertThat(facts.review()).isEqualTo(review);
        assertThat(facts.cycle()).isEqualTo(schools.findCycle(cycle.id()).orElseThrow());
        assertThat(facts.school()).isEqualTo(school);
        assertThat(facts.reviewee()).isEqualTo(staff.find(amy.id()).orElseThrow());
        assertThat(facts.reviewer()).isEqualTo(staff.find(tom.id()).orElseThrow());
        assertThat(reviews.selectFacts(-1)).isEmpty();
    }

    @Test
    void changesTheStateOfOneReview() {
        Review tomsReview = open(cycle, tom, head);
        Review headsReview = open(cycle, head, tom);
        reviews.updateStarted(Map.of(tomsReview.id(), "process-1"), ACTOR);

        assertThat(reviews.updateState(tomsReview.id(), ReviewState.COMPLETE, "the-head")).isEqualTo(1);

        assertThat(reviews.selectById(tomsReview.id())).contains(new Review(tomsReview.id(), cycle.id(), tom.id(),
                head.id(), ReviewState.COMPLETE, "process-1"));
        assertThat(reviews.selectById(headsReview.id())).get().extracting(Review::state)
                .isEqualTo(ReviewState.LAUNCHING);
        assertThat(reviews.updateState(-1, ReviewState.COMPLETE, ACTOR)).isZero();
    }

    @Test
    void fillsTheAuditColumnsWhenAReviewIsOpened() {
        LocalDateTime before = databaseNow();
        Review review = open(cycle, tom, head);

        Map<String, Object> audit = audit(review.id());
        assertThat(audit).containsEntry("created_by", ACTOR).containsEntry("updated_by", ACTOR);
        assertThat(timestamp(audit, "created_at")).isBetween(before.minusSeconds(1), databaseNow());
        assertThat(timestamp(audit, "updated_at")).isEqualTo(timestamp(audit, "created_at"));
    }

    @Test
    void recordsWhoLastChangedAReviewButKeepsWhoCreatedIt() {
        Review review = open(cycle, tom, head);
        LocalDateTime created = timestamp(audit(review.id()), "created_at");

        reviews.updateStarted(Map.of(review.id(), "process-1"), "the-launcher");
        assertThat(audit(review.id())).containsEntry("created_by", ACTOR).containsEntry("updated_by", "the-launcher");

        reviews.updateState(review.id(), ReviewState.COMPLETE, "the-head");
        Map<String, Object> audit = audit(review.id());
        assertThat(audit).containsEntry("created_by", ACTOR).containsEntry("updated_by", "the-head");
        assertThat(timestamp(audit, "created_at")).isEqualTo(created);
        assertThat(timestamp(audit, "updated_at")).isAfterOrEqualTo(created).isBeforeOrEqualTo(databaseNow());
    }

    // --- fixtures ---

    private ReviewCycle cycle(String academicYear) {
        int year = Integer.parseInt(academicYear.substring(0, 4));
        return schools.planCycle(new ReviewCycle(null, school.id(), academicYear, LocalDate.of(year, 10, 31),
                LocalDate.of(year + 1, 2, 1), LocalDate.of(year + 1, 6, 14), LocalDate.of(year + 1, 7, 16), null));
    }

    private StaffMember person(String name, StaffCategory category) {
        String username = name + "." + suffix;
        return staff.addStaffMember(new StaffMember(null, school.id(), username, name, "Person",
                username + "@example.org", category.label(), category, true, false, null), "secret");
    }

    private Review open(ReviewCycle cycle, StaffMember reviewee, StaffMember reviewer) {
        reviews.insertReviews(List.of(
                new Review(null, cycle.id(), reviewee.id(), reviewer.id(), ReviewState.LAUNCHING, null)), ACTOR);
        return reviews.selectByCycleAndStaff(cycle.id(), reviewee.id()).orElseThrow();
    }

    private Map<String, Object> audit(long reviewId) {
        return jdbc.queryForMap("select created_by, created_at, updated_by, updated_at from review where id = ?",
                reviewId);
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

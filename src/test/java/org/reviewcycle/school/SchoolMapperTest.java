package org.reviewcycle.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.reviewcycle.support.MariaDbTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/** SchoolMapper.xml on MariaDB: schools, their improvement priorities and their review cycles. */
@MariaDbTest
@Transactional
class SchoolMapperTest {

    private static final String ACTOR = "mapper-test";

    @Autowired SchoolMapper schools;
    @Autowired JdbcTemplate jdbc;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    // --- schools ---

    @Test
    void findsAnInsertedSchoolByItsCodeAndById() {
        School school = school("oak", "Oak Primary");

        assertThat(school.id()).isNotNull();
        assertThat(school.code()).isEqualTo("oak-" + suffix);
        assertThat(school.name()).isEqualTo("Oak Primary " + suffix);
        assertThat(schools.selectSchoolById(school.id())).contains(school);
    }

    @Test
    void findsNoSchoolForAnUnknownCodeOrId() {
        assertThat(schools.selectSchoolByCode("no-such-school-" + suffix)).isEmpty();
        assertThat(schools.selectSchoolById(-1)).isEmpty();
    }

    @Test
    void refusesASecondSchoolWithTheSameCode() {
        school("elm", "Elm Primary");

        assertThatThrownBy(() -> schools.insertSchool("elm-" + suffix, "Another Elm", ACTOR))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void listsAllSchoolsByName() {
        School zebra = school("zeb", "Zebra Crossing Primary");
        School acorn = school("aco", "Acorn Infants");
        School maple = school("map", "Maple Junior");

        assertThat(schools.selectAllSchools())
                .filteredOn(s -> s.code().endsWith(suffix))
                .containsExactly(acorn, maple, zebra);
    }

    @Test
    void recordsWhoCreatedASchoolAndWhen() {
        LocalDateTime before = databaseNow();
        School school = school("ash", "Ash Academy");

        Map<String, Object> audit = audit("school", school.id());
        assertThat(audit.get("created_by")).isEqualTo(ACTOR);
        assertThat(audit.get("updated_by")).isEqualTo(ACTOR);
        assertThat(timestamp(audit, "created_at")).isBetween(before.minusSeconds(1), databaseNow());
        assertThat(timestamp(audit, "updated_at")).isEqualTo(timestamp(audit, "created_at"));
    }

    // --- priorities ---

    @Test
    void listsThePrioritiesOfOneSchoolOnlyInCodeOrder() {
        School school = school("pin", "Pine Primary");
        School other = school("fir", "Fir Primary");
        schools.insertPriority(new SchoolPriority(null, school.id(), "W2", "Spelling", "90% at expected"), ACTOR);
        schools.insertPriority(new SchoolPriority(null, school.id(), "W1", "Writing", "All pupils progress"), ACTOR);
        schools.insertPriority(new SchoolPriority(null, other.id(), "M1", "Maths", "Times tables by Y4"), ACTOR);

        var priorities = schools.selectPrioritiesBySchool(school.id());

        assertThat(priorities).extracting(SchoolPriority::code).containsExactly("W1", "W2");
        assertThat(priorities.get(0)).usingRecursiveComparison().ignoringFields("id")
                .isEqualTo(new SchoolPriority(null, school.id(), "W1", "Writing", "All pupils progress"));
        assertThat(schools.selectPrioritiesBySchool(other.id())).extracting(SchoolPriority::code)
                .containsExactly("M1");
    }

    @Test
    void findsAPriorityById() {
        School school = school("yew", "Yew Primary");
        schools.insertPriority(new SchoolPriority(null, school.id(), "R1", "Reading", "Every child reads daily"),
                ACTOR);
        SchoolPriority inserted = schools.selectPrioritiesBySchool(school.id()).get(0);

        assertThat(schools.selectPriorityById(inserted.id()))
                .contains(new SchoolPriority(inserted.id(), school.id(), "R1", "Reading", "Every child reads daily"));
        assertThat(schools.selectPriorityById(-1)).isEmpty();
    }

    @Test
    void refusesTheSamePriorityCodeTwiceInOneSchoolButAllowsItInAnother() {
        School school = school("bay", "Bay Primary");
        School other = school("box", "Box Primary");
        schools.insertPriority(new SchoolPriority(null, school.id(), "W1", "Writing", "Target"), ACTOR);

        assertThatThrownBy(() -> schools.insertPriority(
                new SchoolPriority(null, school.id(), "W1", "Writing again", "Target"), ACTOR))
                .isInstanceOf(DuplicateKeyException.class);

        schools.insertPriority(new SchoolPriority(null, other.id(), "W1", "Writing", "Target"), ACTOR);
        assertThat(schools.selectPrioritiesBySchool(other.id())).hasSize(1);
    }

    @Test
    void refusesAPriorityForASchoolThatDoesNotExist() {
        assertThatThrownBy(() -> schools.insertPriority(
                new SchoolPriority(null, -1L, "W1", "Writing", "Target"), ACTOR))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    // --- cycles ---

    @Test
    void storesACycleWithItsMilestoneDatesAndState() {
        School school = school("lim", "Lime Primary");
        schools.insertCycle(cycle(school, "2026/27", CycleState.PLANNED), ACTOR);

        ReviewCycle cycle = schools.selectCycleBySchoolAndYear(school.id(), "2026/27").orElseThrow();

        assertThat(cycle).usingRecursiveComparison().ignoringFields("id")
                .isEqualTo(cycle(school, "2026/27", CycleState.PLANNED));
        assertThat(schools.selectCycleById(cycle.id())).contains(cycle);
    }

    @Test
    void findsACycleOnlyForItsOwnSchoolAndYear() {
        School school = school("ced", "Cedar Primary");
        School other = school("hol", "Holly Primary");
        schools.insertCycle(cycle(school, "2026/27", CycleState.PLANNED), ACTOR);

        assertThat(schools.selectCycleBySchoolAndYear(school.id(), "2027/28")).isEmpty();
        assertThat(schools.selectCycleBySchoolAndYear(other.id(), "2026/27")).isEmpty();
        assertThat(schools.selectCycleById(-1)).isEmpty();
    }

    @Test
    void listsEverySchoolsCyclesLatestYearFirstThenBySchool() {
        School first = school("fst", "First Primary");
        School second = school("snd", "Second Primary");
        schools.insertCycle(cycle(second, "2026/27", CycleState.CLOSED), ACTOR);
        schools.insertCycle(cycle(first, "2026/27", CycleState.CLOSED), ACTOR);
        schools.insertCycle(cycle(second, "2027/28", CycleState.OPEN), ACTOR);
        schools.insertCycle(cycle(first, "2027/28", CycleState.PLANNED), ACTOR);

        assertThat(schools.selectAllCycles())
                .filteredOn(c -> c.schoolId().equals(first.id()) || c.schoolId().equals(second.id()))
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("id")
                .containsExactly(cycle(first, "2027/28", CycleState.PLANNED), cycle(second, "2027/28", CycleState.OPEN),
                        cycle(first, "2026/27", CycleState.CLOSED), cycle(second, "2026/27", CycleState.CLOSED));
    }

    @Test
    void refusesASecondCycleForTheSameSchoolAndYear() {
        School school = school("wil", "Willow Primary");
        schools.insertCycle(cycle(school, "2026/27", CycleState.PLANNED), ACTOR);

        assertThatThrownBy(() -> schools.insertCycle(cycle(school, "2026/27", CycleState.OPEN), ACTOR))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void changesTheStateOfOneCycleAndRecordsWhoChangedIt() {
        School school = school("bir", "Birch Primary");
        schools.insertCycle(cycle(school, "2026/27", CycleState.PLANNED), ACTOR);
        schools.insertCycle(cycle(school, "2027/28", CycleState.PLANNED), ACTOR);
        ReviewCycle cycle = schools.selectCycleBySchoolAndYear(school.id(), "2026/27").orElseThrow();
        ReviewCycle untouched = schools.selectCycleBySchoolAndYear(school.id(), "2027/28").orElseThrow();

        assertThat(schools.updateCycleState(cycle.id(), CycleState.OPEN, "the-head")).isEqualTo(1);

        assertThat(schools.selectCycleById(cycle.id())).get().extracting(ReviewCycle::state)
                .isEqualTo(CycleState.OPEN);
        assertThat(schools.selectCycleById(untouched.id())).get().extracting(ReviewCycle::state)
                .isEqualTo(CycleState.PLANNED);
        Map<String, Object> audit = audit("review_cycle", cycle.id());
        assertThat(audit.get("created_by")).isEqualTo(ACTOR);
        assertThat(audit.get("updated_by")).isEqualTo("the-head");
        assertThat(timestamp(audit, "updated_at")).isAfterOrEqualTo(timestamp(audit, "created_at"));
    }

    @Test
    void changesNoCycleWhenTheIdIsUnknown() {
        assertThat(schools.updateCycleState(-1, CycleState.CLOSED, ACTOR)).isZero();
    }

    @Test
    void locksAnExistingCycleForItsLaunchAndFindsNoUnknownOne() {
        School school = school("ash", "Ash Primary");
        schools.insertCycle(cycle(school, "2026/27", CycleState.OPEN), ACTOR);
        long cycleId = schools.selectCycleBySchoolAndYear(school.id(), "2026/27").orElseThrow().id();

        assertThat(schools.selectCycleIdForUpdate(cycleId)).contains(cycleId);
        assertThat(schools.selectCycleIdForUpdate(-1)).isEmpty();
    }

    // --- fixtures ---

    private School school(String code, String name) {
        schools.insertSchool(code + "-" + suffix, name + " " + suffix, ACTOR);
        return schools.selectSchoolByCode(code + "-" + suffix).orElseThrow();
    }

    private static ReviewCycle cycle(School school, String academicYear, CycleState state) {
        int year = Integer.parseInt(academicYear.substring(0, 4));
        return new ReviewCycle(null, school.id(), academicYear, LocalDate.of(year, 10, 31),
                LocalDate.of(year + 1, 2, 1), LocalDate.of(year + 1, 6, 14), LocalDate.of(year + 1, 7, 16), state);
    }

    private Map<String, Object> audit(String table, long id) {
        return jdbc.queryForMap("select created_by, created_at, updated_by, updated_at from " + table
                + " where id = ?", id);
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

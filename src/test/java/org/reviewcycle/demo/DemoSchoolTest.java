package org.reviewcycle.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.reviewcycle.school.ReviewCycle;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The demo school as the README describes it; every demo user logs in with "demo" and reaches Tasklist. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoSchoolTest {

    static final List<String> USERS = List.of("head", "deputy", "literacy.lead", "teacher.ups", "teacher.mpg",
            "ey.teacher", "hlta", "ta", "mentor", "office", "kitchen", "admin");

    /** National Curriculum levels and their points ("level 4", "2b", "sub-levels", "APS"), retired in 2014. */
    static final Pattern LEVELS = Pattern.compile("(?i)\\blevel\\s*[1-8]|sub-?levels?|\\b[1-8][abc]\\b|\\bAPS\\b");

    @LocalServerPort int port;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired DemoSchool demoSchool;
    @Autowired JdbcTemplate jdbc;

    @ParameterizedTest
    @ValueSource(strings = {"head", "deputy", "literacy.lead", "teacher.ups", "teacher.mpg", "ey.teacher", "hlta", "ta",
            "mentor", "office", "kitchen", "admin"})
    void everyDemoUserLogsInWithDemoAndReachesTasklist(String username) {
        var session = WebSession.loggedIn(port, username, "demo").openTasklist();
        assertThat(session.get("/camunda/api/admin/auth/user/default").body())
                .contains("\"userId\":\"" + username + "\"", "tasklist");
    }

    @Test
    void littletownHasItsStaffTeamsReviewersPriorityAndCycle() {
        var school = schools.findSchool(DemoSchool.CODE).orElseThrow();
        List<StaffMember> people = staff.staffOf(school.id());
        assertThat(people).extracting(StaffMember::username).containsExactlyInAnyOrderElementsOf(USERS);
        assertThat(people).filteredOn(p -> !p.username().equals("head")).allSatisfy(p -> assertThat(p.reviewerId()).isNotNull());
        assertThat(staff.findByUsername("head").orElseThrow().reviewerId()).isNull();
        assertThat(staff.teamsOf(school.id())).hasSize(4).allSatisfy(t -> assertThat(t.leaderId()).isNotNull());
        // the demo's own priority (the admin pages' tests add others to Littletown in the same application)
        assertThat(schools.priorities(school.id())).filteredOn(p -> p.code().equals("W1")).singleElement()
                .satisfies(p -> assertThat(p.wholeSchoolTarget()).contains("expected progress", "writing"));
        var cycle = schools.findCycle(school.id(), demoSchool.academicYear()).orElseThrow();
        assertThat(cycle.objectivesAgreedBy()).isBefore(cycle.midYearCheckFrom());
        // the academic year that contains today, so the demo has current work
        assertThat(LocalDate.now()).isAfterOrEqualTo(cycle.objectivesAgreedBy().withMonth(9).withDayOfMonth(1))
                .isBefore(cycle.finalReviewDue().withMonth(9).withDayOfMonth(1));
        assertThat(staff.groupIdsOf("head")).contains("staff", "heads", "heads-littletown", "team-leaders");
        assertThat(staff.groupIdsOf("admin")).contains("admins");
        assertThat(staff.groupIdsOf("teacher.mpg")).containsExactlyInAnyOrder("staff", "school-littletown",
                "team-littletown-teaching");
    }

    @ParameterizedTest
    @CsvSource({"2026-09-01, 2026/27, 2026-10-31, 2027-02-01, 2027-06-14, 2027-07-16",
            "2026-12-03, 2026/27, 2026-10-31, 2027-02-01, 2027-06-14, 2027-07-16",
            "2027-08-31, 2026/27, 2026-10-31, 2027-02-01, 2027-06-14, 2027-07-16",
            "2099-09-01, 2099/00, 2099-10-31, 2100-02-01, 2100-06-14, 2100-07-16"})
    void theDemoCycleIsTheAcademicYearThatContainsToday(LocalDate today, String year, LocalDate objectivesAgreedBy,
            LocalDate midYearCheckFrom, LocalDate finalReviewFrom, LocalDate finalReviewDue) {
        assertThat(DemoSchool.cycleContaining(today, 1L)).isEqualTo(new ReviewCycle(null, 1L, year, objectivesAgreedBy,
                midYearCheckFrom, finalReviewFrom, finalReviewDue, null));
    }

    @Test
    void theDemoSpeaksOfAssessmentAsSchoolsDoNowNotInLevels() {
        var school = schools.findSchool(DemoSchool.CODE).orElseThrow();
        var texts = new java.util.ArrayList<String>();
        schools.priorities(school.id()).forEach(p -> texts.addAll(List.of(p.title(), p.wholeSchoolTarget())));
        jdbc.queryForList("select o.title, o.success_criteria, o.evidence from objective o"
                + " join review r on r.id = o.review_id join review_cycle c on c.id = r.cycle_id where c.school_id = ?",
                school.id()).forEach(row -> row.values().forEach(value -> texts.add(String.valueOf(value))));
        assertThat(texts).isNotEmpty().noneMatch(text -> LEVELS.matcher(text).find());
        assertThat(String.join(" ", texts)).contains("expected standard", "greater depth", "starting points");
    }

    @Test
    void littletownsGovernorLogsInToTheSchoolsDashboardAndNothingElse() {
        var session = WebSession.loggedIn(port, DemoSchool.GOVERNOR, DemoSchool.GOVERNOR_PASSWORD);
        long littletown = schools.findSchool(DemoSchool.CODE).orElseThrow().id();
        assertThat(session.get("/schools/" + littletown + "/dashboard").body()).contains("Margaret Hale, governor",
                "fewer than 5");
        assertThat(session.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(403);
    }

    @Test
    void loadingTheDemoAgainChangesNothing() {
        assertThat(demoSchool.createIfMissing()).isFalse();
        assertThat(staff.staffOf(schools.findSchool(DemoSchool.CODE).orElseThrow().id())).hasSize(USERS.size());
    }
}

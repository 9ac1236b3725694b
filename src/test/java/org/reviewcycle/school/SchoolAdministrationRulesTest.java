package org.reviewcycle.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.reviewcycle.common.InvalidInput;
import org.reviewcycle.demo.DemoSchool;
import org.reviewcycle.objective.ObjectiveDraft;
import org.reviewcycle.objective.ObjectiveService;
import org.reviewcycle.staff.StaffService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules behind the Schools, Priorities and Teams pages, each broken on purpose: the message
 * names the field, and nothing is written (each test rolls back what a failure would leave).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Transactional
class SchoolAdministrationRulesTest {

    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired ObjectiveService objectives;
    @Autowired JdbcTemplate jdbc;

    private final String suffix = UUID.randomUUID().toString().substring(0, 5).toUpperCase();

    long littletown() {
        return schools.findSchool(DemoSchool.CODE).orElseThrow().id();
    }

    @Test
    void theDemosWritingAndMathsPrioritiesServeTheTrustPriorityT1() {
        long hillcrest = schools.findSchool(DemoSchool.SECOND_CODE).orElseThrow().id();
        TrustPriority t1 = schools.trustPriorities().stream().filter(t -> t.code().equals("T1")).findFirst().orElseThrow();
        assertThat(schools.priorities(littletown())).filteredOn(p -> p.code().equals("W1"))
                .singleElement().satisfies(p -> assertThat(p.trustPriorityId()).isEqualTo(t1.id()));
        assertThat(schools.priorities(hillcrest)).filteredOn(p -> p.code().equals("M1"))
                .singleElement().satisfies(p -> assertThat(p.trustPriorityId()).isEqualTo(t1.id()));
    }

    @Test
    void anObjectivePicksOnlyFromItsOwnSchoolsPriorities() {
        long review = jdbc.queryForObject("select r.id from review r join staff_member s on s.id = r.staff_id "
                + "where s.username = 'teacher.mpg'", Long.class);
        // M1 is Hillcrest's priority, not Littletown's
        var draft = new ObjectiveDraft("Develop pupils' reasoning in maths lessons", "M1",
                "Pupils explain their reasoning in every lesson", "Book looks and pupil interviews", "Maths hub course", false);
        assertThatThrownBy(() -> objectives.submitObjectives(review, List.of(draft)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'M1' is not one of the school's improvement priorities (W1");
    }

    @Test
    void aSchoolClosesTodayOrEarlierNotInTheFuture() {
        School school = schools.openSchool("close-" + suffix.toLowerCase(), "Closing Primary " + suffix);
        LocalDate today = LocalDate.of(2027, 7, 20);
        assertThatThrownBy(() -> schools.closeSchool(school.id(), today.plusDays(1), today))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fields()).containsKey("closedOn"));
        assertThat(schools.findSchool(school.id()).orElseThrow().closed()).isFalse();

        schools.closeSchool(school.id(), today, today);
        assertThat(schools.findSchool(school.id()).orElseThrow().closedOn()).isEqualTo(today);
    }

    @Test
    void aRetiredTrustPriorityTakesNoNewSchoolPriorityButKeepsThoseItHas() {
        TrustPriority trust = schools.addTrustPriority("T" + suffix, "Attendance", "Attendance above 96% everywhere");
        SchoolPriority served = schools.addSchoolPriority(littletown(), "A" + suffix, "Attendance", "97% by July",
                trust.id());
        schools.retireTrustPriority(trust.id(), LocalDate.of(2027, 1, 5));

        assertThatThrownBy(() -> schools.addSchoolPriority(littletown(), "B" + suffix, "Punctuality", "On time",
                trust.id()))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fields().get("trustPriorityId"))
                        .contains("is retired"));
        schools.changeSchoolPriority(littletown(), served.id(), served.code(), "Attendance and punctuality",
                served.wholeSchoolTarget(), trust.id());
        assertThat(schools.schoolPriority(littletown(), served.id()).trustPriorityId()).isEqualTo(trust.id());
    }

    @Test
    void everyBadFieldOfAPriorityIsNamedAtOnce() {
        assertThatThrownBy(() -> schools.addSchoolPriority(littletown(), "W1", " ", "", null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fields())
                        .containsOnlyKeys("code", "title", "wholeSchoolTarget")
                        .hasEntrySatisfying("code", m -> assertThat(m).contains("already has a priority W1")));
    }

    @Test
    void aTeamsLeaderStaysInTheTeamUntilItHasAnother() {
        var teaching = staff.teamsOf(littletown()).stream().filter(t -> t.code().equals("teaching")).findFirst().orElseThrow();
        assertThatThrownBy(() -> staff.leaveTeam(littletown(), teaching.id(), teaching.leaderId()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("choose another leader");
        assertThat(staff.teamMemberIds(teaching.id())).contains(teaching.leaderId());
    }
}

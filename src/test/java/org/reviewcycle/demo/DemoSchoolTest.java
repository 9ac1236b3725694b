package org.reviewcycle.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The demo school as the README describes it; every demo user logs in with "demo" and reaches Tasklist. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoSchoolTest {

    static final List<String> USERS = List.of("head", "deputy", "literacy.lead", "teacher.ups", "teacher.mpg",
            "ey.teacher", "hlta", "ta", "mentor", "office", "kitchen", "admin");

    @LocalServerPort int port;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired DemoSchool demoSchool;

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
        assertThat(schools.priorities(school.id())).singleElement()
                .satisfies(p -> assertThat(p.wholeSchoolTarget()).contains("expected progress", "writing"));
        var cycle = schools.findCycle(school.id(), "2026/27").orElseThrow();
        assertThat(cycle.objectivesAgreedBy()).isBefore(cycle.midYearCheckFrom());
        assertThat(staff.groupIdsOf("head")).contains("staff", "heads", "heads-littletown", "team-leaders");
        assertThat(staff.groupIdsOf("admin")).contains("admins");
        assertThat(staff.groupIdsOf("teacher.mpg")).containsExactlyInAnyOrder("staff", "school-littletown",
                "team-littletown-teaching");
    }

    @Test
    void loadingTheDemoAgainChangesNothing() {
        assertThat(demoSchool.createIfMissing()).isFalse();
        assertThat(staff.staffOf(schools.findSchool(DemoSchool.CODE).orElseThrow().id())).hasSize(USERS.size());
    }
}

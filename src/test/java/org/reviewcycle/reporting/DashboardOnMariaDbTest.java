package org.reviewcycle.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewcycle.reporting.CheckPoint.Status;
import org.reviewcycle.reporting.DashboardTable.Row;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.AsPerson;
import org.reviewcycle.support.MariaDbTest;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The dashboards on MariaDB, on a school whose figures are known ({@link DashboardSchool}): the head's
 * figures exactly, the governors' view with every group of fewer than five blanked, the CSV downloads, the
 * trust's row for the school; and the pages tried as the wrong people (another school's head, admin and
 * governor, a plain member of staff), each refused, and a governor refused everything but their dashboard.
 */
@MariaDbTest
@AutoConfigureMockMvc
@WithMockUser(username = "admin", authorities = {"admins", "trust-admins"})
class DashboardOnMariaDbTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 1, 12, 0);

    @Autowired DashboardService dashboards;
    @Autowired GovernorService governors;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;
    @Autowired UserDetailsService logins;
    @Autowired org.springframework.security.crypto.password.PasswordEncoder passwords;

    TestSchool other;
    DashboardSchool known;
    SchoolDashboard dashboard;
    AsPerson people;
    String page;

    @BeforeEach
    void knownSchool() {
        other = TestSchool.create(schools, staff);
        known = DashboardSchool.create(schools, staff, jdbc, other, NOW);
        dashboard = dashboards.schoolDashboard(known.school().school(), java.util.Optional.of(known.school().cycle()), NOW);
        people = new AsPerson(logins);
        page = "/schools/" + known.school().school().id() + "/dashboard";
    }

    @Test
    void theHeadsFiguresAreExact() {
        String code = known.school().school().code();
        assertThat(rows("completion-by-category")).extracting(Row::label, Row::people, Row::values).containsExactly(
                tuple("Deputy head", 1, List.of(0, 0, 1, 0, 0L, 0L)),
                tuple("Teacher (main pay range)", 6, List.of(5, 1, 0, 0, 0L, 0L)),
                tuple("Teaching assistant", 1, List.of(0, 0, 1, 0, 0L, 0L)));
        // the deputy leads the team, so is in it
        assertThat(rows("completion-by-team")).extracting(Row::label, Row::people, Row::values).containsExactly(
                tuple("Key stage 2 team", 8, List.of(5, 1, 2, 0, 0L, 0L)));
        assertThat(rows("step-times")).extracting(Row::label, Row::values).containsExactly(
                tuple("Hold the planning meeting", List.of(2, 0, 7.0, 10.0)),
                tuple("Hold the mid-year check", List.of(2, 2, 21.0, 28.0)));
        assertThat(rows("waiting-longest")).extracting(Row::label, Row::values, Row::link).containsExactly(
                tuple("Teacher2 Of " + code, List.of("Hold the mid-year check", "Deputy Of " + code, 28.0),
                        "/records/reviews/" + known.t2Review()),
                tuple("Teacher3 Of " + code, List.of("Hold the mid-year check", "Offered to a group", 14.0),
                        "/records/reviews/" + known.t3Review()));
        assertThat(rows("objectives-by-priority")).extracting(Row::label, Row::values).containsExactly(
                tuple("M1: Improve reasoning in mathematics", List.of(1, 1)),
                tuple("W1: Raise standards in writing", List.of(7, 6)),
                tuple("Not linked to a priority", List.of(1, 0)));
        assertThat(rows("lesson-judgements")).extracting(Row::label, Row::people, Row::values).containsExactly(
                tuple("Teacher (main pay range)", 2, List.of(2, 50.0, 3, 66.7)));
        assertThat(rows("cpd-by-priority")).extracting(Row::label, Row::values).containsExactly(
                tuple("M1: Improve reasoning in mathematics", List.of(1, 1, 0, 1, 0)),
                tuple("W1: Raise standards in writing", List.of(1, 1, 1, 0, 0)));
        assertThat(rows("moderation")).extracting(Row::label, Row::people).containsExactly(
                tuple("Deputy Of " + code, 7), tuple("Head Of " + code, 1));
        assertThat(rows("moderation").get(0).values().get(1)).isEqualTo(1.1); // 8 objectives, 7 people
    }

    @Test
    void theChecklistMarksEachPointFromTheData() {
        assertThat(dashboard.checklist()).hasSize(20);
        assertThat(point("Objectives agreed by each person's deadline")).extracting(CheckPoint::status, CheckPoint::detail)
                .containsExactly(Status.NOT_MET, "5 of 8 agreed their objectives by the deadline.");
        assertThat(point("Every objective serves a school improvement priority").status()).isEqualTo(Status.NOT_MET);
        assertThat(point("Support staff are not observed teaching").status()).isEqualTo(Status.MET);
        assertThat(point("A pay recommendation for every teacher")).extracting(CheckPoint::status, CheckPoint::detail)
                .containsExactly(Status.MET, "1 of 1 teachers' final reviews recommend on pay.");
        assertThat(point("The final review assesses every objective").status()).isEqualTo(Status.MET);
        assertThat(point("A final review for every review once it was due").status()).isEqualTo(Status.NOT_DUE);
        assertThat(point("Lessons good or better at least as often as last year").status()).isEqualTo(Status.MET);
    }

    @Test
    void governorsSeeOnlyGroupsOfFiveOrMoreAndNoNames() {
        SchoolDashboard seen = dashboards.governorsView(dashboard);
        assertThat(seen.tables()).extracting(DashboardTable::id).doesNotContain("waiting-longest", "moderation");
        DashboardTable byCategory = seen.table("completion-by-category").orElseThrow();
        assertThat(byCategory.rows()).extracting(Row::label, Row::suppressed).containsExactly(
                tuple("Deputy head", true), tuple("Teacher (main pay range)", false), tuple("Teaching assistant", true));
        assertThat(byCategory.cell(byCategory.rows().get(0), 2)).isEqualTo("fewer than 5");
        assertThat(seen.table("lesson-judgements").orElseThrow().rows().get(0).suppressed()).isTrue();
        // one teacher's final review: whether it is met would tell a governor about that one teacher
        assertThat(seen.checklist().stream().filter(p -> p.point().startsWith("A pay recommendation")).findFirst().orElseThrow())
                .extracting(CheckPoint::status, CheckPoint::detail)
                .containsExactly(Status.NOT_SHOWN, "Not shown: it is about fewer than 5 people.");
        assertThat(seen.checklist().stream().filter(p -> p.point().startsWith("Objectives agreed by")).findFirst().orElseThrow()
                .detail()).isEqualTo("5 of 8 agreed their objectives by the deadline.");
        assertThat(seen.tables()).allSatisfy(t -> assertThat(t.rows()).allSatisfy(r -> {
            assertThat(r.link()).isNull();
            if (r.suppressed()) {
                assertThat(r.values()).containsOnlyNulls();
            }
        }));
    }

    @Test
    void theHeadDownloadsATableAsCsvAndTheGovernorsCopyIsSuppressed() throws Exception {
        var head = people.as(known.school().head().username());
        mvc.perform(get(page + "/completion-by-category.csv").with(head)).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("completion-by-category.csv")))
                .andExpect(content().string("""
                        Category,People,Agreed on time,Agreed late,Overdue,Not yet due,Mid-year check held,Signed off\r
                        Deputy head,1,0,0,1,0,0,0\r
                        Teacher (main pay range),6,5,1,0,0,0,0\r
                        Teaching assistant,1,0,0,1,0,0,0\r
                        """));
        var governor = people.as(governor(known.school()).username());
        mvc.perform(get(page + "/completion-by-category.csv").with(governor)).andExpect(status().isOk())
                .andExpect(content().string("""
                        Category,People,Agreed on time,Agreed late,Overdue,Not yet due,Mid-year check held,Signed off\r
                        Deputy head,fewer than 5,fewer than 5,fewer than 5,fewer than 5,fewer than 5,fewer than 5,fewer than 5\r
                        Teacher (main pay range),6,5,1,0,0,0,0\r
                        Teaching assistant,fewer than 5,fewer than 5,fewer than 5,fewer than 5,fewer than 5,fewer than 5,fewer than 5\r
                        """));
        mvc.perform(get(page + "/moderation.csv").with(governor)).andExpect(status().isNotFound());
        mvc.perform(get(page + "/checklist.csv").with(head)).andExpect(status().isOk())
                .andExpect(content().string(containsString("3,Objectives agreed by each person's deadline (31 October for "
                        + "teachers),2012 appraisal regulations,Not met,5 of 8 agreed their objectives by the deadline.")));
    }

    @Test
    void theHeadAndTheSchoolsAdminReadTheDashboardWithItsLinksToRecords() throws Exception {
        mvc.perform(get(page).with(people.as(known.school().head().username()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/records/reviews/" + known.t2Review())))
                .andExpect(content().string(containsString("Teacher2 Of " + known.school().school().code())));
        staff.setAdministrator(known.school().school().id(), known.teachers().get(4).id(), true);
        mvc.perform(get(page).with(people.as(known.teachers().get(4).username()))).andExpect(status().isOk());
    }

    @Test
    void aGovernorReadsTheirSchoolsDashboardWithoutNamesOrLinks() throws Exception {
        var governor = people.as(governor(known.school()).username());
        mvc.perform(get(page).with(governor)).andExpect(status().isOk())
                .andExpect(content().string(containsString("fewer than 5")))
                .andExpect(content().string(not(containsString("/records/"))))
                .andExpect(content().string(not(containsString("Teacher2 Of"))))
                .andExpect(content().string(not(containsString("Deputy Of"))));
    }

    @Test
    void theTrustsAdminReadsAnotherSchoolsDashboardOnlyInAggregate() throws Exception {
        // the trust sees aggregates only (issue 14): no names, no links to anyone's record, small groups suppressed
        staff.setTrustAdmin(other.school().id(), other.leader().id(), true);
        var trustAdmin = people.as(other.leader().username());
        mvc.perform(get(page).with(trustAdmin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("fewer than 5")))
                .andExpect(content().string(not(containsString("/records/"))))
                .andExpect(content().string(not(containsString("Teacher2 Of"))))
                .andExpect(content().string(not(containsString("Deputy Of " + known.school().school().code()))));
        mvc.perform(get(page + "/completion-by-category.csv").with(trustAdmin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Deputy head,fewer than 5,")))
                .andExpect(content().string(not(containsString("Deputy head,1,"))));
    }

    @Test
    void theWrongPeopleAreRefusedTheDashboardAndItsCsv() throws Exception {
        for (var wrong : List.of(people.as(other.head().username()), people.as(known.school().teacher().username()),
                people.as(known.school().leader().username()), people.as(governor(other).username()))) {
            mvc.perform(get(page).with(wrong)).andExpect(status().isForbidden());
            mvc.perform(get(page + "/completion-by-team.csv").with(wrong)).andExpect(status().isForbidden());
        }
        staff.setAdministrator(other.school().id(), other.leader().id(), true);
        var otherAdmin = people.as(other.leader().username());
        mvc.perform(get(page).with(otherAdmin)).andExpect(status().isForbidden());
        mvc.perform(get(page + "/checklist.csv").with(otherAdmin)).andExpect(status().isForbidden());
        for (var notTrust : List.of(otherAdmin, people.as(known.school().head().username()),
                people.as(governor(known.school()).username()))) {
            mvc.perform(get("/trust/dashboard").with(notTrust)).andExpect(status().isForbidden());
            mvc.perform(get("/trust/dashboard/schools.csv").with(notTrust)).andExpect(status().isForbidden());
        }
    }

    @Test
    void aGovernorIsRefusedEveryRecordPdfStaffPageTaskAndEngineCall() throws Exception {
        Governor governor = governor(known.school());
        var asGovernor = people.as(governor.username());
        long schoolId = known.school().school().id();
        for (String path : List.of("/records", "/records/staff/" + known.school().teacher().id(),
                "/records/reviews/" + known.teacherReview(), "/records/reviews/" + known.teacherReview() + "/pdf",
                "/admin/schools/" + schoolId + "/staff", "/admin/schools/" + schoolId + "/staff/" + known.school().teacher().id(),
                "/teams", "/camunda/app/tasklist/default/", "/camunda/api/engine/engine/default/task",
                "/engine-rest/task", "/engine-rest/process-instance", "/api/schools/" + schoolId + "/history",
                "/schools/" + schoolId + "/governors", "/trust/dashboard")) {
            mvc.perform(get(path).with(asGovernor)).andExpect(status().isForbidden());
        }
        // the front door sends a governor to their dashboard
        mvc.perform(get("/").with(asGovernor)).andExpect(status().isFound()).andExpect(redirectedUrl("/dashboard"));
        mvc.perform(get("/engine-rest/task").with(httpBasic(governor.username(), "governor-password")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/engine-rest/task/x/complete").with(asGovernor).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void theTrustSeesTheSchoolBesideTheOthers() {
        DashboardTable trust = dashboards.trustDashboard("2026/27", NOW);
        Row row = trust.rows().stream().filter(r -> r.label().equals(known.school().school().name())).findFirst().orElseThrow();
        assertThat(row.values()).containsExactly(8, 62.5, 2, 0.0, 2, 1, 21.0, "2 of 2", 50.0);
        assertThat(trust.rows()).extracting(Row::label).contains(other.school().name());
    }

    @Test
    void theHeadAddsAGovernorAndBadInputIsNamedWithNothingWritten() throws Exception {
        var head = people.as(known.school().head().username());
        String username = "gov." + known.school().school().code();
        mvc.perform(post("/schools/" + known.school().school().id() + "/governors").with(head).with(csrf())
                .param("firstName", "Jo").param("lastName", "").param("email", "not-an-email")
                .param("username", known.school().teacher().username()).param("password", "short"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Last name must not be empty")))
                .andExpect(content().string(containsString("Enter an email address like name@example.org")))
                .andExpect(content().string(containsString("is taken: choose another")))
                .andExpect(content().string(containsString("at least 10 characters")));
        assertThat(governors.governorsOf(known.school().school().id())).isEmpty();

        mvc.perform(post("/schools/" + known.school().school().id() + "/governors").with(people.as(other.head().username()))
                .with(csrf()).param("firstName", "Jo").param("lastName", "Wood").param("email", "jo@example.org")
                .param("username", username).param("password", "governor-password")).andExpect(status().isForbidden());
        mvc.perform(post("/schools/" + known.school().school().id() + "/governors").with(head).with(csrf())
                .param("firstName", "Jo").param("lastName", "Wood").param("email", "jo@example.org")
                .param("username", username).param("password", "governor-password"))
                .andExpect(status().is3xxRedirection());
        assertThat(governors.governorsOf(known.school().school().id())).extracting(Governor::fullName, Governor::username)
                .containsExactly(tuple("Jo Wood", username));
        assertThat(logins.loadUserByUsername(username).getAuthorities()).extracting(a -> a.getAuthority())
                .containsExactly(GovernorService.AUTHORITY);
    }

    @Test
    void theHeadStopsAGovernorLoggingInAndAnotherHeadCannot() throws Exception {
        Governor governor = governor(known.school());
        String path = "/schools/" + known.school().school().id() + "/governors/" + governor.id() + "/active";
        mvc.perform(post(path).param("active", "false").with(people.as(other.head().username())).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(path).param("active", "false").with(people.as(known.school().teacher().username())).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(logins.loadUserByUsername(governor.username()).isEnabled()).isTrue();
        mvc.perform(post("/schools/" + other.school().id() + "/governors/" + governor.id() + "/active").param("active", "false")
                .with(people.as(other.head().username())).with(csrf())).andExpect(status().isNotFound());
        assertThat(logins.loadUserByUsername(governor.username()).isEnabled()).isTrue();

        mvc.perform(post(path).param("active", "false").with(people.as(known.school().head().username())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(logins.loadUserByUsername(governor.username()).isEnabled()).isFalse();
    }

    @Test
    void aGovernorChangesTheirOwnPasswordAndNobodyElseCanHere() throws Exception {
        Governor governor = governor(known.school());
        var asGovernor = people.as(governor.username());
        mvc.perform(get("/governor/password").with(asGovernor)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Change your password")));
        // each problem named, nothing changed
        mvc.perform(post("/governor/password").param("current", "wrong-password").param("password", "short")
                .param("repeated", "short").with(asGovernor).with(csrf())).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("That is not your current password")))
                .andExpect(content().string(containsString("at least 10 characters")));
        mvc.perform(post("/governor/password").param("current", "governor-password").param("password", "a-long-new-one")
                .param("repeated", "a-long-new-un").with(asGovernor).with(csrf())).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The two new passwords differ")));
        assertThat(passwords.matches("governor-password", logins.loadUserByUsername(governor.username()).getPassword())).isTrue();
        // a member of staff has no governor's password to change here
        mvc.perform(post("/governor/password").param("current", "demo").param("password", "a-long-new-one")
                .param("repeated", "a-long-new-one").with(people.as(known.school().head().username())).with(csrf()))
                .andExpect(status().isForbidden());

        mvc.perform(post("/governor/password").param("current", "governor-password").param("password", "a-long-new-one")
                .param("repeated", "a-long-new-one").with(asGovernor).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(passwords.matches("a-long-new-one", logins.loadUserByUsername(governor.username()).getPassword())).isTrue();
    }

    private Governor governor(TestSchool school) {
        String username = "governor." + school.school().code();
        return governors.governor(username).orElseGet(() -> governors.addGovernor(school.school().id(), "Gill",
                "Governor", "gill@example.org", username, "governor-password"));
    }

    private List<Row> rows(String table) {
        return dashboard.table(table).orElseThrow().rows();
    }

    private CheckPoint point(String start) {
        return dashboard.checklist().stream().filter(p -> p.point().startsWith(start)).findFirst().orElseThrow();
    }
}

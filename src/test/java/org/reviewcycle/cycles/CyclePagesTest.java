package org.reviewcycle.cycles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.reviewcycle.history.AdministrationHistory;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.review.ReviewState;
import org.reviewcycle.common.InvalidInput;
import org.reviewcycle.school.CycleState;
import org.reviewcycle.school.ReviewCycle;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffCategory;
import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.process.SchoolDeployments;
import org.reviewcycle.school.School;
import org.reviewcycle.support.GeneratedTrust;
import org.reviewcycle.support.TestSchool;
import org.reviewcycle.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A school's cycle pages over HTTP: the launch in the background with its progress and report,
 * stopping, closing, the rules on dates, and refusals for anyone who does not administer the school.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CyclePagesTest {

    @LocalServerPort int port;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired ReviewService reviews;
    @Autowired CycleService cycles;
    @Autowired CycleLaunches launches;
    @Autowired LaunchMapper launchRows;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;
    @Autowired SchoolDeployments deployments;
    @Autowired AdministrationHistory changes;

    @Test
    void anAdminLaunchesFromTheCyclePageWatchesTheProgressAndReadsTheReportAsPageAndCsv() {
        var school = TestSchool.create(schools, staff);
        var newcomer = staff.addStaffMember(new StaffMember(null, school.school().id(), "new." + school.school().code(),
                "Nia", "Newcomer", "nia@example.org", "Teaching assistant", StaffCategory.TEACHING_ASSISTANT, true,
                false, null), "demo");
        String cyclePage = "/admin/schools/" + school.school().id() + "/cycles/" + school.cycle().id();
        var admin = WebSession.loggedIn(port, "admin", "demo");
        var page = admin.get(cyclePage);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("The 2026/27 cycle", "31 October 2026", "Launch");

        var launched = admin.submitForm(cyclePage + "/launches", page.body());
        assertThat(launched.statusCode()).isEqualTo(302);
        String launchPage = launched.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        assertThat(launchPage).startsWith(cyclePage + "/launches/");

        await().atMost(Duration.ofSeconds(30)).until(() -> admin.get(launchPage + "/progress").body().contains("\"running\":false"));
        assertThat(admin.get(launchPage + "/progress").body())
                .contains("\"state\":\"FINISHED\"", "\"started\":3", "\"toStart\":3", "\"percent\":100");
        var report = admin.get(launchPage).body();
        assertThat(report).contains("Launch report", school.head().fullName(), newcomer.fullName(), "No reviewer yet");
        var csv = admin.get(launchPage + "/report.csv");
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("launch-report-" + school.school().code() + "-2026-27.csv");
        assertThat(csv.body().lines().toList()).containsExactly(
                "\uFEFFStaff number,Name,Job title,Why no review",
                "," + newcomer.fullName() + ",Teaching assistant,No reviewer yet",
                "," + school.head().fullName() + ",Headteacher,No reviewer yet");
        assertThat(reviews.reviewsIn(school.cycle().id())).hasSize(3)
                .allSatisfy(review -> assertThat(review.state()).isEqualTo(ReviewState.IN_PROGRESS));

        // pressing Launch again starts nobody twice
        var again = admin.submitForm(cyclePage + "/launches", admin.get(cyclePage).body());
        String secondPage = again.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        await().atMost(Duration.ofSeconds(30)).until(() -> admin.get(secondPage + "/progress").body().contains("\"running\":false"));
        assertThat(admin.get(secondPage + "/progress").body()).contains("\"started\":0", "\"alreadyRunning\":3");
        assertThat(reviews.reviewsIn(school.cycle().id())).hasSize(3);
    }

    @Test
    void stoppingALaunchUnderWayStopsItAfterTheBatchItIsInAndLaunchingAgainStartsTheRest() {
        // 300 staff: six batches; Stop is pressed as soon as the launch has begun
        var generated = new GeneratedTrust(dataSource, "s" + java.util.UUID.randomUUID().toString().substring(0, 6))
                .addSchool(1, 300, GeneratedTrust.Milestones.of2026());
        // a school written by SQL gets its model as one created on the Schools page does
        deployments.deploy(new School(generated.id(), generated.code(), generated.code()));
        asAdmin();
        try {
            long launchId = launches.begin(generated.cycleId());
            launches.stop(launchId);
            await().atMost(Duration.ofSeconds(60)).until(() -> !launches.find(launchId).running());

            Launch stopped = launches.find(launchId);
            assertThat(stopped.state()).isEqualTo(LaunchState.STOPPED);
            assertThat(stopped.started()).isLessThan(299);
            assertThat(reviews.reviewsIn(generated.cycleId()).stream().filter(r -> r.processInstanceId() != null))
                    .hasSize(stopped.started());

            long again = launches.begin(generated.cycleId());
            await().atMost(Duration.ofSeconds(60)).until(() -> !launches.find(again).running());
            assertThat(launches.find(again).started()).isEqualTo(299 - stopped.started());
            assertThat(reviews.reviewsIn(generated.cycleId())).hasSize(299)
                    .allSatisfy(review -> assertThat(runtime.createProcessInstanceQuery()
                            .processInstanceBusinessKey(String.valueOf(review.id())).count()).isOne());
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void aStoppedLaunchStopsAndIsNotCarriedOnByAnyNode() {
        var school = TestSchool.create(schools, staff);
        launchRows.insertLaunch(school.cycle().id(), "admin", java.time.LocalDateTime.now().minusHours(1));
        long launchId = launchRows.selectRunningOfCycle(school.cycle().id()).orElseThrow().id();
        asAdmin();
        try {
            launches.stop(launchId);
        } finally {
            SecurityContextHolder.clearContext();
        }

        // stopping, until its node (which has stopped) would have finished its batch
        assertThat(launches.find(launchId).state()).isEqualTo(LaunchState.STOPPING);
        assertThat(launches.resumeAbandoned()).isZero();
        assertThat(launches.find(launchId).state()).isEqualTo(LaunchState.STOPPED);
        assertThat(reviews.reviewsIn(school.cycle().id())).isEmpty();
    }

    @Test
    void aClosedSchoolCannotLaunch() {
        var school = TestSchool.create(schools, staff);
        jdbc.update("update school set closed_on = ? where id = ?", LocalDate.now().minusDays(1), school.school().id());
        String cyclePage = "/admin/schools/" + school.school().id() + "/cycles/" + school.cycle().id();
        var admin = WebSession.loggedIn(port, "admin", "demo");
        var page = admin.get(cyclePage);
        assertThat(page.body()).contains("The school is closed: it starts no reviews").doesNotContain(">Launch<");

        var launched = admin.submitForm(cyclePage + "/launches", page.body());
        assertThat(launched.statusCode()).isEqualTo(409);
        assertThat(launched.body()).contains(school.school().name() + " is closed; a closed school starts no reviews");
        assertThat(WebSession.basic(port, "admin", "demo").postJson("/api/cycles/" + school.cycle().id() + "/launch", "")
                .statusCode()).isEqualTo(409);
        assertThat(reviews.reviewsIn(school.cycle().id())).isEmpty();
        assertThat(launchRows.selectLatestOfCycle(school.cycle().id())).isEmpty();
    }

    @Test
    void datesOutOfOrderAreRefusedWithASentenceNamingTheDatesBesideTheLaterField() {
        var school = TestSchool.create(schools, staff);
        asAdmin();
        try {
            var backwards = new ReviewCycle(null, school.school().id(), "2027/28", LocalDate.of(2027, 10, 31),
                    LocalDate.of(2027, 10, 1), LocalDate.of(2028, 6, 14), LocalDate.of(2028, 7, 16), null,
                    LocalDate.of(2028, 6, 1), LocalDate.of(2027, 10, 31), LocalDate.of(2028, 2, 1),
                    LocalDate.of(2028, 9, 14), LocalDate.of(2028, 7, 16), 6);
            assertThatThrownBy(() -> cycles.plan(backwards)).isInstanceOfSatisfying(InvalidInput.class, e ->
                    assertThat(e.fields()).containsOnlyKeys("midYearCheckFrom", "supportFinalReviewFrom")
                            .containsEntry("midYearCheckFrom",
                                    "Mid-year check from (1 October 2027) must be after objectives agreed by (31 October 2027)")
                            .containsEntry("supportFinalReviewFrom", "Support staff: final review from (14 September 2028) "
                                    + "must be in the academic year, from 1 September 2027 to 31 August 2028"));
            assertThat(schools.findCycle(school.school().id(), "2027/28")).isEmpty();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void supportStaffKeepTheirOwnDatesAndANewStarterAgreesObjectivesWeeksAfterStarting() {
        var cycle = new ReviewCycle(1L, 1L, "2026/27", LocalDate.of(2026, 10, 31), LocalDate.of(2027, 2, 1),
                LocalDate.of(2027, 6, 14), LocalDate.of(2027, 7, 16), CycleState.OPEN, LocalDate.of(2027, 5, 21),
                LocalDate.of(2026, 11, 30), LocalDate.of(2027, 3, 1), LocalDate.of(2027, 6, 21),
                LocalDate.of(2027, 7, 9), 4);

        assertThat(cycle.milestonesFor(StaffCategory.TEACHER_MPG, null).observationsDue()).isEqualTo(LocalDate.of(2027, 5, 21));
        assertThat(cycle.milestonesFor(StaffCategory.TEACHING_ASSISTANT, LocalDate.of(2026, 9, 1)))
                .extracting("objectivesAgreedBy", "midYearCheckFrom", "finalReviewDue")
                .containsExactly(LocalDate.of(2026, 11, 30), LocalDate.of(2027, 3, 1), LocalDate.of(2027, 7, 9));
        // a teacher who starts in January agrees objectives four weeks later; the rest as every teacher's
        assertThat(cycle.milestonesFor(StaffCategory.TEACHER_MPG, LocalDate.of(2027, 1, 4)))
                .extracting("objectivesAgreedBy", "midYearCheckFrom")
                .containsExactly(LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 1));
    }

    @Test
    void closingEndsTheReviewsStillRunningKeepsTheRecordsAndRefusesLaunchAndEdit() {
        var school = TestSchool.create(schools, staff);
        String cyclePage = "/admin/schools/" + school.school().id() + "/cycles/" + school.cycle().id();
        var admin = WebSession.loggedIn(port, "admin", "demo");
        var launched = admin.submitForm(cyclePage + "/launches", admin.get(cyclePage).body());
        String launchPage = launched.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        await().atMost(Duration.ofSeconds(30)).until(() -> admin.get(launchPage + "/progress").body().contains("\"running\":false"));

        var confirmation = admin.get(cyclePage + "/close");
        assertThat(confirmation.body()).contains("3 reviews still running", school.teacher().fullName(),
                school.leader().fullName(), "Close the 2026/27 cycle");
        var closed = admin.submitForm(cyclePage + "/close", confirmation.body());
        assertThat(closed.statusCode()).isEqualTo(302);
        assertThat(admin.get(cyclePage).body()).contains("3 reviews still running were ended", "Closed");

        assertThat(schools.findCycle(school.cycle().id()).orElseThrow().state()).isEqualTo(CycleState.CLOSED);
        String reason = "The 2026/27 cycle was closed on " + java.time.format.DateTimeFormatter
                .ofPattern("d MMMM yyyy", java.util.Locale.UK).format(LocalDate.now());
        assertThat(reviews.reviewsIn(school.cycle().id())).hasSize(3).allSatisfy(review -> {
            assertThat(review.state()).isEqualTo(ReviewState.ENDED);
            assertThat(reviews.endReason(review.id())).contains(reason);
            assertThat(runtime.createProcessInstanceQuery().processInstanceId(review.processInstanceId()).count()).isZero();
            assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(review.processInstanceId())
                    .singleResult().getDeleteReason()).isEqualTo(reason);
        });

        assertThat(changes.changes(school.school().id(), null, null, 0, 20).entries())
                .extracting(entry -> entry.change().action())
                .containsSubsequence("Closed the cycle", "Launched the cycle");

        var launchAgain = admin.submitForm(cyclePage + "/launches", confirmation.body());
        assertThat(launchAgain.statusCode()).isEqualTo(409);
        assertThat(launchAgain.body()).contains("The 2026/27 cycle is closed");
        assertThat(admin.get(cyclePage + "/edit").statusCode()).isEqualTo(409);
        assertThat(WebSession.basic(port, "admin", "demo").postJson("/api/cycles/" + school.cycle().id() + "/launch", "")
                .statusCode()).isEqualTo(409);
    }

    @Test
    void nobodyButTheSchoolsAdminsMayUseAnyCyclePageOrEndpointAndNothingChanges() {
        var school = TestSchool.create(schools, staff);
        var littletown = schools.findSchool("littletown").orElseThrow();
        ReviewCycle demoCycle = schools.cyclesOf(littletown.id()).get(0);
        int demoReviews = reviews.reviewsIn(demoCycle.id()).size();
        var adminLaunch = WebSession.loggedIn(port, "admin", "demo");
        String testCycle = "/admin/schools/" + school.school().id() + "/cycles/" + school.cycle().id();
        adminLaunch.submitForm(testCycle + "/launches", adminLaunch.get(testCycle).body());
        long launchId = launchRows.selectLatestOfCycle(school.cycle().id()).orElseThrow().id();
        await().atMost(Duration.ofSeconds(30)).until(() -> !launches.find(launchId).running());
        long reviewId = reviews.reviewsIn(school.cycle().id()).get(0).id();

        for (String who : List.of("teacher.mpg", "hc.admin")) {
            var person = WebSession.loggedIn(port, who, "demo");
            // the login page carries the session's CSRF token, so the forms below pass the CSRF check
            // and are refused for who sends them
            String ownPage = person.get("/login").body();
            assertThat(ownPage).contains("name=\"_csrf\"");
            for (String base : List.of("/admin/schools/" + littletown.id() + "/cycles/" + demoCycle.id(), testCycle)) {
                String schoolCycles = base.substring(0, base.lastIndexOf('/'));
                for (String path : List.of(schoolCycles, schoolCycles + "/new", base, base + "/edit", base + "/close",
                        base + "/reviews", base + "/launches/" + launchId, base + "/launches/" + launchId + "/progress",
                        base + "/launches/" + launchId + "/report.csv")) {
                    assertThat(person.get(path).statusCode()).as(who + " GET " + path).isEqualTo(403);
                }
                for (String path : List.of(schoolCycles, base + "/edit", base + "/close", base + "/launches",
                        base + "/launches/" + launchId + "/stop", base + "/reviews/" + reviewId + "/bring-forward")) {
                    assertThat(post(person, path, ownPage)).as(who + " POST " + path).isEqualTo(403);
                }
            }
            assertThat(WebSession.basic(port, who, "demo").postJson("/api/cycles/" + demoCycle.id() + "/launch", "")
                    .statusCode()).as(who + " API launch").isEqualTo(403);
            // the token was good all along: the refusals above were for who sent the forms
            assertThat(person.submitForm("/logout", ownPage).statusCode()).as(who + " log out").isEqualTo(302);
        }

        assertThat(reviews.reviewsIn(demoCycle.id())).hasSize(demoReviews);
        assertThat(schools.findCycle(demoCycle.id()).orElseThrow().state()).isEqualTo(demoCycle.state());
        assertThat(schools.findCycle(school.cycle().id()).orElseThrow().state()).isEqualTo(CycleState.OPEN);
        assertThat(launchRows.selectLatestOfCycle(demoCycle.id())).isEmpty();
        assertThat(launches.find(launchId).state()).isEqualTo(LaunchState.FINISHED);
        assertThat(schools.cyclesOf(school.school().id())).hasSize(1);
    }

    private static int post(WebSession person, String path, String pageWithToken) {
        return person.submitForm(path, pageWithToken).statusCode();
    }

    private static void asAdmin() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin",
                null, List.of(new SimpleGrantedAuthority("admins"), new SimpleGrantedAuthority("trust-admins"))));
    }
}

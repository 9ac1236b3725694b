package org.reviewcycle.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.reviewcycle.support.ReviewDriver.values;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.reviewcycle.review.Review;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.review.ReviewState;
import org.reviewcycle.school.CycleState;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffCategory;
import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.ReviewDriver;
import org.reviewcycle.support.TestSchool;
import org.reviewcycle.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An admin launches a school's cycle: once per person, staff given no review named with the reason, joiners added later. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CycleLaunchTest {

    private static final java.time.format.DateTimeFormatter DAY =
            java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK);

    @LocalServerPort int port;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired ReviewService reviews;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired CycleLauncher launcher;
    @Autowired FormService forms;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;

    @Test
    void anAdminLaunchesACycleThroughTheApiAndLaunchingAgainDuplicatesNothing() {
        var school = TestSchool.create(schools, staff);
        String launch = "/api/cycles/" + school.cycle().id() + "/launch";
        var admin = WebSession.basic(port, "admin", "demo");

        var first = admin.postJson(launch, "");
        assertThat(first.statusCode()).isEqualTo(200);
        // the head has no reviewer (governors review the head): named, not silently skipped
        assertThat(first.body()).contains("\"started\":3", "\"alreadyRunning\":0", school.head().fullName());
        assertThat(reviews.reviewsIn(school.cycle().id())).hasSize(3)
                .allSatisfy(r -> assertThat(r.state()).isEqualTo(ReviewState.IN_PROGRESS))
                .allSatisfy(r -> assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(String.valueOf(r.id())).count()).isOne());
        assertThat(schools.findCycle(school.cycle().id()).orElseThrow().state()).isEqualTo(CycleState.OPEN);

        var again = admin.postJson(launch, "");
        assertThat(again.body()).contains("\"started\":0", "\"alreadyRunning\":3");
        assertThat(reviews.reviewsIn(school.cycle().id())).hasSize(3);

        var joiner = staff.addStaffMember(new StaffMember(null, school.school().id(), "joiner." + school.school().code(),
                "Jo", "Iner", "jo@example.org", "Teaching assistant", StaffCategory.TEACHING_ASSISTANT, true, false,
                school.leader().id()), "demo");
        var withJoiner = admin.postJson(launch, "");
        assertThat(withJoiner.body()).contains("\"started\":1", "\"alreadyRunning\":3");
        Review joinersReview = reviews.reviewsIn(school.cycle().id()).stream()
                .filter(r -> r.staffId().equals(joiner.id())).findFirst().orElseThrow();
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(joinersReview.id()))
                .taskAssignee(joiner.username()).count()).isOne();
    }

    @Test
    void staffWhoseReviewerHasLeftAreNamedNotGivenAReviewForSomeoneWhoCannotLogIn() {
        var school = TestSchool.create(schools, staff);
        staff.setActive(school.leader().id(), false);

        LaunchReport report = launcher.launch(school.cycle().id());

        // the teacher and the assistant are reviewed by the leader, who has left; the leader is a leaver
        assertThat(report.started()).isZero();
        assertThat(report.skipped()).extracting(LaunchReport.Skipped::name, LaunchReport.Skipped::reason)
                .containsExactlyInAnyOrder(
                        tuple(school.head().fullName(), "No reviewer yet"),
                        tuple(school.leader().fullName(), "Has left the school"),
                        tuple(school.teacher().fullName(), "Their reviewer " + school.leader().fullName() + " has left"),
                        tuple(school.assistant().fullName(), "Their reviewer " + school.leader().fullName() + " has left"));
        assertThat(reviews.reviewsIn(school.cycle().id())).isEmpty();

        staff.assignReviewer(school.teacher().id(), school.head().id());
        assertThat(launcher.launch(school.cycle().id()).started()).isOne();
        assertThat(tasks.createTaskQuery().taskAssignee(school.teacher().username()).count()).isOne();
    }

    @Test
    void leaversAndPeopleNotYetStartedGetNoReviewAndAreToldWhy() {
        var school = TestSchool.create(schools, staff);
        LocalDate today = LocalDate.now();
        var leaver = staff.addStaffMember(new StaffMember(null, school.school().id(), "leaver." + school.school().code(),
                "Lee", "Ver", "lee@example.org", "Teaching assistant", StaffCategory.TEACHING_ASSISTANT, true, false,
                school.leader().id(), null, null, null, today, false), "demo");
        var future = staff.addStaffMember(new StaffMember(null, school.school().id(), "future." + school.school().code(),
                "Fay", "Ture", "fay@example.org", "Class teacher", StaffCategory.TEACHER_MPG, true, false,
                school.leader().id(), null, null, today.plusDays(10), null, false), "demo");

        LaunchReport report = launcher.launch(school.cycle().id());

        assertThat(report.started()).isEqualTo(3);
        assertThat(report.skipped()).extracting(LaunchReport.Skipped::name, LaunchReport.Skipped::reason)
                .contains(tuple(leaver.fullName(), "Left the school on " + DAY.format(today)),
                        tuple(future.fullName(), "Starts on " + DAY.format(today.plusDays(10))
                                + "; launch again once they have started"));
        assertThat(reviews.reviewsIn(school.cycle().id())).extracting(Review::staffId)
                .doesNotContain(leaver.id(), future.id());
    }

    @Test
    void aLaunchToldToStopAfterABatchStartsThatBatchOnly() {
        var school = TestSchool.create(schools, staff);
        var batches = new java.util.ArrayList<Integer>();

        LaunchReport report = launcher.launch(school.cycle().id(), new CycleLauncher.Progress() {
            @Override
            public void planned(int toStart, int alreadyRunning, List<LaunchReport.Skipped> skipped) {
                assertThat(toStart).isEqualTo(3);
            }

            @Override
            public boolean batchStarted(int started) {
                batches.add(started);
                return false;
            }
        });

        assertThat(batches).containsExactly(3);
        assertThat(report.started()).isEqualTo(3);
    }

    @Test
    void onlyAdminsOfTheCyclesSchoolMayLaunch() {
        var school = TestSchool.create(schools, staff);
        String launch = "/api/cycles/" + school.cycle().id() + "/launch";
        assertThat(WebSession.basic(port, "head", "demo").postJson(launch, "").statusCode()).isEqualTo(403);
        assertThat(WebSession.anonymous(port).postJson(launch, "").statusCode()).isIn(401, 403);
        // Hillcrest's admin administers Hillcrest only
        var otherSchoolsAdmin = WebSession.basic(port, "hc.admin", "demo").postJson(launch, "");
        assertThat(otherSchoolsAdmin.statusCode()).isEqualTo(403);
        assertThat(otherSchoolsAdmin.body()).contains("You do not administer this school");
        assertThat(reviews.reviewsIn(school.cycle().id())).isEmpty();
        assertThat(schools.findCycle(school.cycle().id()).orElseThrow().state()).isEqualTo(CycleState.PLANNED);
    }

    @Test
    void anUnknownCycleIsRefusedWithAMessage() {
        var response = WebSession.basic(port, "admin", "demo").postJson("/api/cycles/999999/launch", "");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("No review cycle with id 999999");
    }

    @Test
    void theOldCyclesPageLeadsToTheAdminArea() {
        var old = WebSession.loggedIn(port, "admin", "demo").get("/cycles");
        assertThat(old.statusCode()).isEqualTo(302);
        assertThat(old.headers().firstValue("Location").orElseThrow()).endsWith("/admin");
        assertThat(WebSession.loggedIn(port, "teacher.mpg", "demo").get("/cycles").statusCode()).isEqualTo(403);
    }

    @Test
    void anAdminSeesWhereEachReviewStandsAndBringsAMidYearCheckForward() {
        var school = TestSchool.create(schools, staff);
        launcher.launch(school.cycle().id());
        Review review = reviews.reviewsIn(school.cycle().id()).stream()
                .filter(r -> r.staffId().equals(school.assistant().id())).findFirst().orElseThrow();
        var driver = new ReviewDriver(tasks, forms, identity, management, runtime, staff, review.processInstanceId());
        driver.submit(school.assistant().username(), values("strengths", "Phonics groups"));
        driver.submit(school.leader().username(), values("objectives", ReviewDriver.objectives(
                ReviewDriver.objective("To run daily phonics catch-up for Year 2", "W1", false))));
        driver.submit(school.head().username(), values("decision", "APPROVE"));
        driver.submit(school.assistant().username(), values("response", "ACKNOWLEDGE"));

        var admin = WebSession.loggedIn(port, "admin", "demo");
        String reviewsPage = "/admin/schools/" + school.school().id() + "/cycles/" + school.cycle().id() + "/reviews";
        var page = admin.get(reviewsPage);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(school.assistant().fullName(), "Mid-year check due",
                "waiting until 1 Feb 2027", "Reflect before the planning meeting", "Start it now");
        // who has each step, by name: the teacher has her self-reflection
        assertThat(page.body()).doesNotContain(">" + school.teacher().username() + "<");

        long before = System.nanoTime();
        var started = admin.submitForm(reviewsPage + "/" + review.id() + "/bring-forward", page.body());
        Duration took = Duration.ofNanos(System.nanoTime() - before);

        // the mid-year check is there when the page answers, not when the job executor next looks
        assertThat(started.statusCode()).isEqualTo(302);
        assertThat(started.headers().firstValue("Location").orElseThrow()).endsWith(reviewsPage);
        assertThat(tasks.createTaskQuery().processInstanceId(review.processInstanceId())
                .taskDefinitionKey(AnnualReviewCycleProcess.Elements.MID_YEAR_CHECK).taskAssignee(school.leader().username())
                .count()).isOne();
        assertThat(admin.get(reviewsPage).body()).contains("The review of " + school.assistant().fullName()
                + " has moved on: Hold the mid-year check");
        assertThat(took).isLessThan(Duration.ofSeconds(2));
        assertThat(AnnualReviewCycleProcess.waitingTimer(management, review.processInstanceId())).isNull();
    }

    @org.junit.jupiter.api.RepeatedTest(8)
    void twoAdminsStartingTheSameReviewAtOnceGetOneMidYearCheckAndNoError() throws Exception {
        var school = TestSchool.create(schools, staff);
        launcher.launch(school.cycle().id());
        var waiting = new java.util.ArrayList<Review>();
        for (StaffMember member : List.of(school.teacher(), school.assistant())) {
            Review review = reviews.reviewsIn(school.cycle().id()).stream()
                    .filter(r -> r.staffId().equals(member.id())).findFirst().orElseThrow();
            var driver = new ReviewDriver(tasks, forms, identity, management, runtime, staff, review.processInstanceId());
            driver.submit(member.username(), values("strengths", "Phonics groups"));
            driver.submit(school.leader().username(), values("objectives", ReviewDriver.objectives(
                    ReviewDriver.objective("To run daily phonics catch-up for Year 2", "W1", false))));
            driver.submit(school.head().username(), values("decision", "APPROVE"));
            driver.submit(member.username(), values("response", "ACKNOWLEDGE"));
            waiting.add(review);
        }
        String reviewsPage = "/admin/schools/" + school.school().id() + "/cycles/" + school.cycle().id() + "/reviews";
        var first = WebSession.loggedIn(port, "admin", "demo");
        var second = WebSession.loggedIn(port, "admin", "demo");
        String firstPage = first.get(reviewsPage).body();
        String secondPage = second.get(reviewsPage).body();

        var pool = Executors.newFixedThreadPool(2);
        try {
            for (Review review : waiting) {
                String bringForward = reviewsPage + "/" + review.id() + "/bring-forward";
                var gate = new CountDownLatch(1);
                var answers = List.of(
                        pool.submit(() -> { gate.await(); return first.submitForm(bringForward, firstPage); }),
                        pool.submit(() -> { gate.await(); return second.submitForm(bringForward, secondPage); }));
                gate.countDown();
                for (var answer : answers) {
                    // one moves the review on; the other either finds it moved on or is told it waits for no date
                    assertThat(answer.get().statusCode()).as(answer.get().body()).isIn(302, 409);
                    assertThat(answer.get().body()).doesNotContainIgnoringCase("exception");
                }
                assertThat(tasks.createTaskQuery().processInstanceId(review.processInstanceId())
                        .taskDefinitionKey(AnnualReviewCycleProcess.Elements.MID_YEAR_CHECK).count()).isOne();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

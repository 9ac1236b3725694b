package org.reviewcycle.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.reviewcycle.support.ReviewDriver.objective;
import static org.reviewcycle.support.ReviewDriver.objectives;
import static org.reviewcycle.support.ReviewDriver.values;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.reviewcycle.common.InvalidInput;
import org.reviewcycle.common.NotPermittedException;
import org.reviewcycle.history.AdministrationHistory;
import org.reviewcycle.process.CycleLauncher;
import org.reviewcycle.review.Review;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.review.ReviewState;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.support.MariaDbTest;
import org.reviewcycle.support.ReviewDriver;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * A member of staff moves to another school of the trust (StaffService.moveToSchool), on MariaDB: the one row
 * keeps its login and reviews and takes the new school's details; groups and tenant follow; the review under
 * way at the old school ends and its tasks go; launching the new school's cycle again gives them a review
 * there. Refused, with nothing changed, while they review or lead anyone at the old school, and to anyone but
 * a trust admin.
 */
@MariaDbTest
@WithMockUser(username = "admin", authorities = {"admins", "trust-admins"})
class StaffMoveOnMariaDbTest {

    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired ReviewService reviews;
    @Autowired CycleLauncher launcher;
    @Autowired AdministrationHistory history;
    @Autowired TaskService tasks;
    @Autowired FormService forms;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService engineHistory;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theTeacherMovesWithTheirLoginTheOldReviewEndsAndTheNewSchoolGivesThemAReview() {
        TestSchool from = TestSchool.create(schools, staff);
        TestSchool to = TestSchool.create(schools, staff);
        launcher.launch(from.cycle().id());
        launcher.launch(to.cycle().id());
        StaffMember teacher = from.teacher();
        Review oldReview = reviews.runningReviewsOf(teacher.id()).get(0);
        ReviewDriver driver = objectivesSubmitted(from, oldReview);
        assertThat(tasks.createTaskQuery().processInstanceId(oldReview.processInstanceId()).count()).isEqualTo(1);
        String passwordHash = passwordHashOf(teacher.id());
        LocalDate firstDay = LocalDate.now().minusDays(2);

        StaffMember moved = staff.moveToSchool(from.school().id(), teacher.id(), new StaffMove(to.school().id(),
                firstDay, StaffCategory.TEACHER_UPS1, "Class teacher, Year 5", " N-77 ", to.leader().id(),
                to.head().id(), to.team().id()));

        // the same row and login, the new school's details
        assertThat(moved.id()).isEqualTo(teacher.id());
        assertThat(moved.username()).isEqualTo(teacher.username());
        assertThat(passwordHashOf(teacher.id())).isEqualTo(passwordHash);
        assertThat(moved.schoolId()).isEqualTo(to.school().id());
        assertThat(moved.category()).isEqualTo(StaffCategory.TEACHER_UPS1);
        assertThat(moved.jobTitle()).isEqualTo("Class teacher, Year 5");
        assertThat(moved.staffNumber()).isEqualTo("N-77");
        assertThat(moved.reviewerId()).isEqualTo(to.leader().id());
        assertThat(moved.lineManagerId()).isEqualTo(to.head().id());
        assertThat(moved.startedOn()).isEqualTo(firstDay);
        assertThat(staff.teamMemberIds(from.team().id())).doesNotContain(teacher.id());
        assertThat(staff.teamMemberIds(to.team().id())).contains(teacher.id());
        // groups and tenant follow the school: the engine shows them the new school's work only
        assertThat(staff.tenantIdsOf(teacher.username())).containsExactly(to.school().code());
        assertThat(staff.groupIdsOf(teacher.username())).contains("school-" + to.school().code(),
                "team-" + to.school().code() + "-ks2").doesNotContain("school-" + from.school().code(),
                "team-" + from.school().code() + "-ks2");
        // the old school: no longer their staff, but its review of them is kept, ended with the reason
        assertThat(staff.staffOf(from.school().id())).extracting(StaffMember::id).doesNotContain(teacher.id());
        assertThat(reviews.reviewsIn(from.cycle().id())).extracting(Review::id).contains(oldReview.id());
        assertThat(reviews.find(oldReview.id()).orElseThrow().state()).isEqualTo(ReviewState.ENDED);
        String reason = "Moved to " + to.school().name() + " on "
                + firstDay.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
        assertThat(reviews.endReason(oldReview.id())).contains(reason);
        assertThat(driver.ended()).isTrue();
        assertThat(tasks.createTaskQuery().processInstanceId(oldReview.processInstanceId()).count()).isZero();
        assertThat(tasks.createTaskQuery().taskAssignee(teacher.username()).count()).isZero();
        assertThat(engineHistory.createHistoricProcessInstanceQuery().processInstanceId(oldReview.processInstanceId())
                .singleResult().getDeleteReason()).isEqualTo(reason);
        // the colleagues' reviews at the old school run on
        assertThat(reviews.runningReviewsOf(from.assistant().id())).hasSize(1);
        // both schools' histories say so
        assertThat(actions(from.school().id(), teacher.id())).contains("Moved to another school", "Ended review");
        assertThat(actions(to.school().id(), teacher.id())).contains("Joined from another school");
        var joined = history.changes(to.school().id(), teacher.id(), null, 0, 20).entries().stream()
                .filter(e -> e.change().action().equals("Joined from another school")).findFirst().orElseThrow();
        assertThat(joined.fields()).contains(new AdministrationHistory.FieldChange("School", from.school().name(),
                to.school().name()));

        // launching the new school's cycle again gives them a review there, with their new reviewer
        launcher.launch(to.cycle().id());
        List<Review> running = reviews.runningReviewsOf(teacher.id());
        assertThat(running).hasSize(1);
        assertThat(running.get(0).cycleId()).isEqualTo(to.cycle().id());
        assertThat(running.get(0).reviewerId()).isEqualTo(to.leader().id());
        assertThat(tasks.createTaskQuery().processInstanceId(running.get(0).processInstanceId())
                .taskAssignee(teacher.username()).count()).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(running.get(0).processInstanceId())
                .singleResult().getTenantId()).isEqualTo(to.school().code());
    }

    @Test
    void someoneWhoStillReviewsOrLeadsAtTheOldSchoolIsNotMovedAndTheRefusalNamesThem() {
        TestSchool from = TestSchool.create(schools, staff);
        TestSchool to = TestSchool.create(schools, staff);
        launcher.launch(from.cycle().id());
        StaffMember leader = from.leader();
        Map<String, Object> before = jdbc.queryForMap("select * from staff_member where id = ?", leader.id());

        assertThatThrownBy(() -> staff.moveToSchool(from.school().id(), leader.id(), new StaffMove(to.school().id(),
                LocalDate.now(), StaffCategory.DEPUTY_HEAD, "Deputy", null, to.head().id(), null, null)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fields()).containsEntry("move",
                        leader.fullName() + " reviews " + from.assistant().fullName() + " and "
                                + from.teacher().fullName() + " at " + from.school().name()
                                + ": give each of them another reviewer first.")
                        .containsEntry("teams", leader.fullName() + " leads Key stage 2 team at "
                                + from.school().name() + ": give it another leader first."));

        assertThat(jdbc.queryForMap("select * from staff_member where id = ?", leader.id())).isEqualTo(before);
        assertThat(reviews.runningReviewsOf(leader.id())).hasSize(1);
        assertThat(actions(from.school().id(), leader.id())).doesNotContain("Moved to another school");
    }

    @Test
    void theNewSchoolsPeopleAndTeamAreChosenFromThatSchoolOnly() {
        TestSchool from = TestSchool.create(schools, staff);
        TestSchool to = TestSchool.create(schools, staff);

        assertThatThrownBy(() -> staff.moveToSchool(from.school().id(), from.assistant().id(), new StaffMove(
                to.school().id(), null, null, " ", null, from.leader().id(), from.head().id(), from.team().id())))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fields()).containsOnlyKeys("movedOn",
                        "category", "jobTitle", "reviewerId", "lineManagerId", "teamId")
                        .containsEntry("reviewerId", "Choose a reviewer from " + to.school().name() + "'s staff"));
        assertThatThrownBy(() -> staff.moveToSchool(from.school().id(), from.assistant().id(), new StaffMove(
                from.school().id(), LocalDate.now(), StaffCategory.TEACHING_ASSISTANT, "TA", null, null, null, null)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fields()).containsOnlyKeys("toSchoolId"));

        assertThat(staff.find(from.assistant().id()).orElseThrow().schoolId()).isEqualTo(from.school().id());
    }

    @Test
    void aHeadsTaskAtTheOldSchoolGoesToTheHeadThere() {
        TestSchool from = TestSchool.create(schools, staff);
        TestSchool to = TestSchool.create(schools, staff);
        launcher.launch(from.cycle().id());
        Review review = reviews.runningReviewsOf(from.teacher().id()).get(0);
        ReviewDriver driver = objectivesSubmitted(from, review);
        assertThat(driver.openTask().getAssignee()).isEqualTo(from.head().username());
        // the head's successor starts; the deputy is given the new head as reviewer, so the old head reviews nobody
        StaffMember newHead = staff.saveDetails(from.school().id(), null, new StaffDetails("Nia", "Newhead",
                "nia." + from.school().code() + "@example.org", "Headteacher", StaffCategory.HEADTEACHER, null, null,
                null, null));
        staff.assignReviewer(from.leader().id(), newHead.id());

        staff.moveToSchool(from.school().id(), from.head().id(), new StaffMove(to.school().id(), LocalDate.now(),
                StaffCategory.DEPUTY_HEAD, "Deputy headteacher", null, to.head().id(), null, null));

        assertThat(driver.openTask().getAssignee()).isEqualTo(newHead.username());
        assertThat(tasks.createTaskQuery().taskAssignee(from.head().username()).count()).isZero();
    }

    @Test
    void onlyATrustAdminMovesStaffASchoolAdminIsRefusedAndNothingChanges() {
        TestSchool from = TestSchool.create(schools, staff);
        TestSchool to = TestSchool.create(schools, staff);
        var context = SecurityContextHolder.getContext();
        var trustAdmin = context.getAuthentication();
        context.setAuthentication(new TestingAuthenticationToken(from.head().username(), "demo", "admins",
                "admins-" + from.school().code(), "admins-" + to.school().code()));
        try {
            assertThatThrownBy(() -> staff.moveToSchool(from.school().id(), from.assistant().id(), new StaffMove(
                    to.school().id(), LocalDate.now(), StaffCategory.TEACHING_ASSISTANT, "TA", null, null, null, null)))
                    .isInstanceOf(NotPermittedException.class)
                    .hasMessage("Only the trust's administrators may do this.");
        } finally {
            context.setAuthentication(trustAdmin);
        }
        assertThat(staff.find(from.assistant().id()).orElseThrow().schoolId()).isEqualTo(from.school().id());
    }

    /** The teacher's reflection and the planning meeting done: the head has the objectives to approve. */
    private ReviewDriver objectivesSubmitted(TestSchool school, Review review) {
        var driver = new ReviewDriver(tasks, forms, identity, management, runtime, staff, review.processInstanceId());
        driver.submit(school.teacher().username(), values("strengths", "Reading aloud", "developmentWishes", "Maths",
                "objectiveIdeas", "Writing"));
        driver.submit(school.leader().username(), values("objectives", objectives(
                objective("Use the school writing process across the curriculum", "W1", false))));
        return driver;
    }

    private List<String> actions(long schoolId, long staffId) {
        return history.changes(schoolId, staffId, null, 0, 50).entries().stream().map(e -> e.change().action()).toList();
    }

    private String passwordHashOf(long staffId) {
        return jdbc.queryForObject("select password_hash from staff_member where id = ?", String.class, staffId);
    }
}

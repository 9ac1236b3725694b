package org.reviewcycle.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.reviewcycle.support.ReviewDriver.objective;
import static org.reviewcycle.support.ReviewDriver.objectives;
import static org.reviewcycle.support.ReviewDriver.values;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewcycle.history.AdministrationHistory;
import org.reviewcycle.process.CycleLauncher;
import org.reviewcycle.review.Review;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffCategory;
import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffMove;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.AsPerson;
import org.reviewcycle.support.ReviewDriver;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Who may read a person's past reviews (RecordAccess, through the page /records/staff/{id}), tried as each
 * role: a teacher of school A with objectives approved moves to school B. Their reviewer, A's head, A's
 * admin and they themselves read A's review; a colleague at either school, B's head while the trust setting
 * is off, another school's head and admin, and a trust admin (issue 14: the trust sees aggregates only) are
 * refused. With the setting on B's head reads it and A's history says so. Only a trust admin changes the
 * setting.
 */
@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(username = "admin", authorities = {"admins", "trust-admins"})
class RecordAccessTest {

    private static final String OBJECTIVE = "Use the school writing process across the curriculum";

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService logins;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired ReviewService reviews;
    @Autowired RecordService records;
    @Autowired CycleLauncher launcher;
    @Autowired AdministrationHistory history;
    @Autowired TaskService tasks;
    @Autowired FormService forms;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    TestSchool a;
    TestSchool b;
    StaffMember adminOfA;
    Review review;
    AsPerson people;

    @BeforeEach
    void aTeacherWithApprovedObjectivesMovesFromAToB() {
        people = new AsPerson(logins);
        a = TestSchool.create(schools, staff);
        b = TestSchool.create(schools, staff);
        adminOfA = staff.addStaffMember(new StaffMember(null, a.school().id(), "office." + a.school().code(), "Olive",
                "Office", "office." + a.school().code() + "@example.org", "School business manager",
                StaffCategory.ADMINISTRATOR, true, true, a.head().id()), "demo");
        launcher.launch(a.cycle().id());
        review = reviews.runningReviewsOf(a.teacher().id()).get(0);
        var driver = new ReviewDriver(tasks, forms, identity, management, runtime, staff, review.processInstanceId());
        driver.submit(a.teacher().username(), values("strengths", "Reading aloud", "developmentWishes", "Maths",
                "objectiveIdeas", "Writing"));
        driver.submit(a.leader().username(), values("objectives", objectives(objective(OBJECTIVE, "W1", false))));
        driver.submit(a.head().username(), values("decision", "APPROVE", "returnReason", ""));
        staff.moveToSchool(a.school().id(), a.teacher().id(), new StaffMove(b.school().id(), LocalDate.now(),
                StaffCategory.TEACHER_MPG, "Class teacher", null, b.leader().id(), null, null));
    }

    @AfterEach
    void settingBackOff() {
        // a MockMvc request made as someone leaves them in the test's security context
        SecurityContextHolder.getContext().setAuthentication(
                new TestingAuthenticationToken("admin", "demo", "admins", "trust-admins"));
        records.setPastReviewsFollowMovers(false);
    }

    @Test
    void theRevieweeTheirReviewerTheHeadAndAdminsOfTheReviewsSchoolReadIt() throws Exception {
        for (String reader : List.of(a.teacher().username(), a.leader().username(), a.head().username(),
                adminOfA.username())) {
            mvc.perform(get(page()).with(people.as(reader))).andExpect(status().isOk())
                    .andExpect(content().string(containsString(OBJECTIVE)))
                    .andExpect(content().string(containsString("2026/27 · " + a.school().name())))
                    .andExpect(content().string(containsString("Ended: Moved to " + b.school().name())));
        }
        // the list shows the objectives and their outcomes: each read by someone else is in the reviewee's access log
        assertThat(jdbc.queryForList("select reader_id from record_read where review_id = ? and what = 'SUMMARY'",
                Long.class, review.id())).containsExactlyInAnyOrder(a.leader().id(), a.head().id(), adminOfA.id());
    }

    @Test
    void colleaguesAndOtherSchoolsHeadsAndAdminsAreRefusedWhileTheSettingIsOff() throws Exception {
        assertThat(records.pastReviewsFollowMovers()).isFalse();
        for (String reader : List.of(a.assistant().username(), b.leader().username(), b.assistant().username(),
                b.head().username(), "hc.head", "hc.admin", "teacher.mpg", "admin")) {
            mvc.perform(get(page()).with(people.as(reader))).andExpect(status().isForbidden())
                    .andExpect(content().string(containsString("You may not read this person&#39;s reviews.")))
                    .andExpect(content().string(org.hamcrest.Matchers.not(containsString(OBJECTIVE))));
        }
    }

    @Test
    void withTheTrustSettingOnTheNewSchoolsHeadReadsItAndTheOldSchoolsHistorySaysSo() throws Exception {
        mvc.perform(post("/admin/trust/settings").param("pastReviewsFollowMovers", "true").with(people.as("admin"))
                .with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(records.pastReviewsFollowMovers()).isTrue();
        assertThat(history.changes(null, null, RecordService.SETTING, 0, 5).entries()).first().satisfies(entry ->
                assertThat(entry.fields()).containsExactly(new AdministrationHistory.FieldChange(RecordService.SETTING,
                        "No", "Yes")));

        mvc.perform(get(page()).with(people.as(b.head().username()))).andExpect(status().isOk())
                .andExpect(content().string(containsString(OBJECTIVE)));
        assertThat(history.changes(a.school().id(), a.teacher().id(), null, 0, 20).entries())
                .anySatisfy(entry -> {
                    assertThat(entry.change().action()).isEqualTo("Read by the head of the school they moved to");
                    assertThat(entry.change().subjectId()).isEqualTo(review.id());
                    assertThat(entry.fields()).contains(new AdministrationHistory.FieldChange("Read by", null,
                            b.head().fullName()));
                });
        // the setting opens the reviewee's own new head only: not another school's, not a colleague
        for (String reader : List.of("hc.head", "hc.admin", b.leader().username(), a.assistant().username())) {
            mvc.perform(get(page()).with(people.as(reader))).andExpect(status().isForbidden());
        }
    }

    @Test
    void onlyATrustAdminSeesOrChangesTheSetting() throws Exception {
        mvc.perform(get("/admin/trust/settings").with(people.as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Past reviews follow staff who move")));
        for (String person : List.of("hc.admin", adminOfA.username(), "teacher.mpg", b.head().username())) {
            mvc.perform(get("/admin/trust/settings").with(people.as(person))).andExpect(status().isForbidden());
            mvc.perform(post("/admin/trust/settings").param("pastReviewsFollowMovers", "true")
                    .with(people.as(person)).with(csrf())).andExpect(status().isForbidden());
        }
        assertThat(records.pastReviewsFollowMovers()).isFalse();
    }

    @Test
    void aPersonWithNoReviewsYetSeesTheirOwnEmptyRecord() throws Exception {
        mvc.perform(get("/records/staff/" + b.assistant().id()).with(people.as(b.assistant().username())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("There are no reviews to show.")));
    }

    @Test
    void theListOffersAHeadTheirSchoolsStaffAReviewerTheirRevieweesAndEveryoneThemselves() throws Exception {
        mvc.perform(get("/records").with(people.as(b.head().username()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Your own reviews")))
                .andExpect(content().string(containsString(page())))
                .andExpect(content().string(containsString(b.assistant().fullName())));
        mvc.perform(get("/records").with(people.as(b.leader().username()))).andExpect(status().isOk())
                .andExpect(content().string(containsString(page())))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(b.head().fullName()))));
        mvc.perform(get("/records").with(people.as(a.head().username()))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(page()))));
        mvc.perform(get("/records").with(people.as(a.teacher().username()))).andExpect(status().isOk())
                .andExpect(content().string(containsString(page())))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(b.leader().fullName()))));
    }

    private String page() {
        return "/records/staff/" + a.teacher().id();
    }
}

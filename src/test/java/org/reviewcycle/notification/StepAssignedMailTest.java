package org.reviewcycle.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reviewcycle.support.ReviewDriver.values;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewcycle.process.CycleLauncher;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.ReviewDriver;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The email that tells someone a step is theirs, written to the outbox with the step: one per step and person,
 * naming the step, whose review it is and its due date, with the link that opens it; none for a step claimed by
 * its own person, for a leaver, or for someone who chose one email a day, who gets the day's digest instead.
 */
@SpringBootTest(properties = "reviewcycle.mail.base-url=https://reviews.littletown.example.org/")
class StepAssignedMailTest {

    @Autowired CycleLauncher launcher;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired ReviewService reviews;
    @Autowired TaskService tasks;
    @Autowired FormService forms;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired StepAssignedMail mail;
    @Autowired MailPreferenceMapper preferences;
    @Autowired DailyDigest digest;
    @Autowired TransactionTemplate transaction;
    @Autowired JdbcTemplate jdbc;

    TestSchool school;

    @BeforeEach
    void aSchool() {
        school = TestSchool.create(schools, staff);
    }

    List<Map<String, Object>> mailTo(StaffMember person, MailKind kind) {
        return jdbc.queryForList("select * from mail_outbox where recipient_id = ? and kind = ? order by id",
                person.id(), kind.name());
    }

    ReviewDriver reviewOf(StaffMember member) {
        var review = reviews.reviewsIn(school.cycle().id()).stream().filter(r -> r.staffId().equals(member.id()))
                .findFirst().orElseThrow();
        return new ReviewDriver(tasks, forms, identity, management, runtime, staff, review.processInstanceId());
    }

    @Test
    void eachPersonIsToldOfTheirStepOnceWithWhatItIsWhenItIsDueAndTheLinkToIt() throws Exception {
        launcher.launch(school.cycle().id());
        ReviewDriver teachers = reviewOf(school.teacher());
        Task reflection = teachers.openTask();

        List<Map<String, Object>> toTeacher = mailTo(school.teacher(), MailKind.TASK_ASSIGNED);
        assertThat(toTeacher).hasSize(1);
        Map<String, Object> email = toTeacher.get(0);
        assertThat(email.get("TO_ADDRESS")).isEqualTo(school.teacher().email());
        // the test school's objectives were due on 31 October: the step reaches the teacher late, and says so
        assertThat((String) email.get("SUBJECT")).isEqualTo("Reflect before the planning meeting: "
                + school.teacher().fullName() + ", was due by " + MailRecipients.day(reflection.getDueDate()));
        assertThat((String) email.get("TEXT_BODY")).startsWith("Hello Teacher,")
                .contains(school.school().name())
                .contains("It was due by " + MailRecipients.day(reflection.getDueDate()) + ": please do it as soon as you can.")
                .contains("https://reviews.littletown.example.org/steps/" + reflection.getId())
                .contains("https://reviews.littletown.example.org/me/mail")
                .doesNotContain("Task_").doesNotContain("camunda");
        assertThat((String) email.get("HTML_BODY"))
                .contains("href=\"https://reviews.littletown.example.org/steps/" + reflection.getId() + "\"");
        // kept beside the browser tests' screenshots, to be looked at as the teacher sees it
        Files.createDirectories(Path.of("target/screenshots"));
        Files.writeString(Path.of("target/screenshots/email-step-assigned.html"), (String) email.get("HTML_BODY"));

        teachers.submit(school.teacher().username(), values("strengths", "Relationships with pupils",
                "developmentWishes", "Extended writing", "objectiveIdeas", "Writing"));

        Task meeting = teachers.openTask();
        List<Map<String, Object>> toLeader = mailTo(school.leader(), MailKind.TASK_ASSIGNED).stream()
                .filter(m -> ((String) m.get("TEXT_BODY")).contains("/steps/" + meeting.getId())).toList();
        assertThat(toLeader).hasSize(1);
        assertThat((String) toLeader.get(0).get("SUBJECT"))
                .startsWith("Hold the planning meeting: " + school.teacher().fullName());
        // the teacher's own email is not written again
        assertThat(mailTo(school.teacher(), MailKind.TASK_ASSIGNED)).hasSize(1);
    }

    @Test
    void aStepDueLaterAsksForItByItsDate() {
        LocalDate due = LocalDate.now().plusDays(10);
        jdbc.update("update review_cycle set objectives_agreed_by = ?, support_objectives_agreed_by = ? where id = ?",
                java.sql.Date.valueOf(due), java.sql.Date.valueOf(due), school.cycle().id());
        launcher.launch(school.cycle().id());

        Map<String, Object> email = mailTo(school.teacher(), MailKind.TASK_ASSIGNED).get(0);
        assertThat((String) email.get("SUBJECT")).endsWith(", due by " + MailRecipients.day(due));
        assertThat((String) email.get("TEXT_BODY")).contains("Please do it by " + MailRecipients.day(due) + ".")
                .doesNotContain("was due");
    }

    @Test
    void aReviewIdPointingAtAnotherSchoolsReviewWritesNothingInThatSchoolsName() {
        TestSchool other = TestSchool.create(schools, staff);
        launcher.launch(school.cycle().id());
        launcher.launch(other.cycle().id());
        Task ours = reviewOf(school.teacher()).openTask();
        long theirs = reviews.reviewsIn(other.cycle().id()).stream()
                .filter(r -> r.staffId().equals(other.teacher().id())).findFirst().orElseThrow().id();
        int before = mailTo(other.teacher(), MailKind.TASK_ASSIGNED).size();

        // what an administrator of our school could do to our own process in Cockpit or through /engine-rest
        runtime.setVariable(ours.getProcessInstanceId(), "reviewId", theirs);
        tasks.setAssignee(ours.getId(), other.teacher().username());

        assertThat(mailTo(other.teacher(), MailKind.TASK_ASSIGNED)).hasSize(before);
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where text_body like ?", Integer.class,
                "%/steps/" + ours.getId() + "%")).as("emails about our task").isOne();
    }

    @Test
    void aStepRolledBackWritesNoEmail() {
        launcher.launch(school.cycle().id());
        Task reflection = reviewOf(school.teacher()).openTask();
        int before = mailTo(school.leader(), MailKind.TASK_ASSIGNED).size();

        // the step is done and the next one made, with its email, in a transaction that then rolls back
        transaction.executeWithoutResult(status -> {
            reviewOf(school.teacher()).submit(school.teacher().username(), values("strengths", "Phonics",
                    "developmentWishes", "Extended writing", "objectiveIdeas", "Writing"));
            assertThat(mailTo(school.leader(), MailKind.TASK_ASSIGNED)).hasSize(before + 1);
            status.setRollbackOnly();
        });
        assertThat(tasks.createTaskQuery().taskId(reflection.getId()).count()).isOne();
        assertThat(mailTo(school.leader(), MailKind.TASK_ASSIGNED)).hasSize(before);
    }

    @Test
    void nobodyIsToldOfAStepTheyClaimedThemselvesAndLeaversAreNotWrittenTo() {
        transaction.executeWithoutResult(status -> {
            assertThat(mail.stepGiven(new GivenStep(school.school().id(), "School", "claimed-1", "Approve",
                    null, school.head().username(), school.head().username(), false))).isFalse();
            assertThat(mail.stepGiven(new GivenStep(school.school().id(), "School", "handed-1", "Approve",
                    null, school.head().username(), "admin", false))).isTrue();
            // another school's step is never written to this school's staff
            long other = TestSchool.create(schools, staff).school().id();
            assertThat(mail.stepGiven(new GivenStep(other, "Other", "other-1", "Approve", null,
                    school.head().username(), "system", true))).isFalse();
        });
        staff.markLeaver(school.school().id(), school.assistant().id(), LocalDate.now().minusDays(1));
        transaction.executeWithoutResult(status -> assertThat(mail.stepGiven(new GivenStep(school.school().id(),
                "School", "left-1", "Reflect", null, school.assistant().username(), "system", true))).isFalse());
        assertThat(mailTo(school.head(), MailKind.TASK_ASSIGNED)).hasSize(1);
    }

    @Test
    void someoneWhoChoseOneEmailADayGetsTheDigestInsteadOnceADay() {
        preferences.insert(school.teacher().id(), true, school.teacher().username());
        launcher.launch(school.cycle().id());
        Task reflection = reviewOf(school.teacher()).openTask();
        assertThat(mailTo(school.teacher(), MailKind.TASK_ASSIGNED)).isEmpty();

        LocalDate today = LocalDate.now();
        digest.writeFor(today);
        digest.writeFor(today);

        List<Map<String, Object>> digests = mailTo(school.teacher(), MailKind.DIGEST);
        assertThat(digests).hasSize(1);
        // the test school's cycle began on 31 October: the reflection is overdue by now
        assertThat((String) digests.get(0).get("SUBJECT")).isEqualTo("1 step waiting for you (1 overdue)");
        assertThat((String) digests.get(0).get("TEXT_BODY"))
                .contains("- Reflect before the planning meeting: " + school.teacher().fullName() + ", was due by ")
                .contains("/steps/" + reflection.getId());
        // nobody else chose it, and a person with nothing waiting gets nothing
        assertThat(mailTo(school.leader(), MailKind.DIGEST)).isEmpty();

        digest.writeFor(today.plusDays(1));
        assertThat(mailTo(school.teacher(), MailKind.DIGEST)).hasSize(2);
    }
}

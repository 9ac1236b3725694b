package org.reviewcycle.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Date;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewcycle.common.InvalidInput;
import org.reviewcycle.process.CycleLauncher;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.ReceivedMail;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * Reminders and escalation, through the model's boundary timers on a real review: the timers' dates from the
 * school's settings and the step's due date; the step's person reminded on the school's reminder days, once a
 * day, the step left open; an overdue step told to the line manager (without a link to a step that is not
 * theirs), then to the head (with a link to the dashboard's overdue steps), once each. Every email is read
 * from a real SMTP server (GreenMail). Settings are the school administrator's, checked field by field.
 */
@SpringBootTest(properties = {"reviewcycle.mail.send-every=1h",
        "reviewcycle.mail.base-url=https://reviews.example.org"})
class RemindersTest {

    static final int SMTP_PORT = OutboxSenderTest.freePort();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired Reminders reminders;
    @Autowired OutboxSender sender;
    @Autowired CycleLauncher launcher;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired ReviewService reviews;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transaction;

    GreenMail smtp;
    TestSchool school;
    final LocalDate today = LocalDate.now();

    @BeforeEach
    void setUp() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        school = TestSchool.create(schools, staff);
    }

    @AfterEach
    void tearDown() {
        smtp.stop();
        SecurityContextHolder.clearContext();
    }

    static String morning(LocalDate day) {
        return day + "T08:00:00";
    }

    /** The first 8 o'clock still to come. */
    LocalDate nextMorning() {
        return LocalTime.now().isBefore(LocalTime.of(8, 0)) ? today : today.plusDays(1);
    }

    static java.util.Date dueOn(LocalDate day) {
        return java.util.Date.from(day.atTime(17, 0).atZone(ZoneId.systemDefault()).toInstant());
    }

    @Test
    void theTimersFireOnTheSchoolsReminderMorningsAndWhenTheStepIsOverdue() {
        // reminders: every morning from the next (at most 30 days before) to the due date
        LocalDate next = nextMorning();
        assertThat(reminders.reminderCycle(dueOn(today.plusDays(40))))
                .isEqualTo("R31/" + morning(today.plusDays(10)) + "/P1D");
        assertThat(reminders.reminderCycle(dueOn(today.plusDays(2))))
                .isEqualTo("R" + (java.time.temporal.ChronoUnit.DAYS.between(next, today.plusDays(2)) + 1) + "/"
                        + morning(next) + "/P1D");
        assertThat(reminders.reminderCycle(dueOn(today.minusDays(1))))
                .as("due already: once, a year after the due date, when it writes nothing")
                .isEqualTo("R1/" + morning(today.minusDays(1).plusYears(1)) + "/P1D");
        // escalation: every morning after the due date, to 90 days overdue (whom to tell is decided each morning)
        assertThat(reminders.escalationCycle(dueOn(today.plusDays(7))))
                .isEqualTo("R90/" + morning(today.plusDays(8)) + "/P1D");
        assertThat(reminders.escalationCycle(dueOn(today.minusDays(5))))
                .as("given out when overdue already: from the next morning, its days counted from today")
                .isEqualTo("R" + (java.time.temporal.ChronoUnit.DAYS.between(next, today.plusDays(90)) + 1) + "/"
                        + morning(next) + "/P1D");
        assertThat(reminders.escalationCycle(dueOn(today.minusDays(100))))
                .isEqualTo("R" + (java.time.temporal.ChronoUnit.DAYS.between(next, today.plusDays(90)) + 1) + "/"
                        + morning(next) + "/P1D");
    }

    @Test
    void thePersonIsRemindedOnAReminderDayOnceAndTheStepStaysOpen() throws Exception {
        // the teacher's objectives are due in 7 days: today is a reminder day
        jdbc.update("update review_cycle set objectives_agreed_by = ?, support_objectives_agreed_by = ? where id = ?",
                Date.valueOf(today.plusDays(7)), Date.valueOf(today.plusDays(7)), school.cycle().id());
        launcher.launch(school.cycle().id());
        String process = processOf(school.teacher());
        Task reflection = tasks.createTaskQuery().processInstanceId(process).singleResult();

        Job reminder = job(process, "Boundary_SelfReflectionReminder");
        assertThat(reminder.getDuedate()).isEqualTo(java.util.Date.from(nextMorning().atTime(8, 0)
                .atZone(ZoneId.systemDefault()).toInstant()));
        assertThat(job(process, "Boundary_SelfReflectionOverdue").getDuedate()).as("the first morning after the due date")
                .isEqualTo(java.util.Date.from(today.plusDays(8).atTime(8, 0).atZone(ZoneId.systemDefault()).toInstant()));

        management.executeJob(reminder.getId());
        management.executeJob(job(process, "Boundary_SelfReflectionReminder").getId());

        assertThat(tasks.createTaskQuery().taskId(reflection.getId()).count()).as("the step is still open").isOne();
        assertThat(job(process, "Boundary_SelfReflectionReminder")).as("the next morning's reminder").isNotNull();
        sender.sendDue();
        List<MimeMessage> toTeacher = received(school.teacher(), "Reminder: ");
        assertThat(toTeacher).hasSize(1);
        assertThat(toTeacher.get(0).getSubject())
                .isEqualTo("Reminder: Reflect before the planning meeting: " + school.teacher().fullName() + ", due in 7 days");
        assertThat(GreenMailUtil.getBody(toTeacher.get(0))).contains("https://reviews.example.org/steps/" + reflection.getId());
        // not a reminder day for anyone else: the leader's and the assistant's steps have their own timers
        assertThat(received(school.leader(), "Reminder: ")).isEmpty();
    }

    @Test
    void anOverdueStepIsToldToTheLineManagerThenToTheHeadOnceEach() throws Exception {
        // the test school's objectives were due on 31 October: the reflection is weeks overdue
        launcher.launch(school.cycle().id());
        String process = processOf(school.teacher());
        givenOn(process, LocalDate.of(2026, 10, 1));
        long overdue = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.of(2026, 10, 31), today);
        asAdministrator();
        reminders.change(school.school().id(), "7, 1", true, "1", "90");

        management.executeJob(job(process, "Boundary_SelfReflectionOverdue").getId());
        sender.sendDue();
        // the teacher has no line manager of their own: their reviewer, the deputy, is told
        List<MimeMessage> toLeader = received(school.leader(), "Overdue by ");
        assertThat(toLeader).hasSize(1);
        assertThat(toLeader.get(0).getSubject()).isEqualTo("Overdue by " + overdue
                + " days: Reflect before the planning meeting: " + school.teacher().fullName());
        String body = GreenMailUtil.getBody(toLeader.get(0));
        assertThat(body).contains("still waiting on " + school.teacher().fullName()).contains("You are told as their reviewer")
                .doesNotContain("/steps/");
        assertThat(received(school.head(), "Overdue by ")).isEmpty();

        reminders.change(school.school().id(), "7, 1", true, "1", "2");
        management.executeJob(job(process, "Boundary_SelfReflectionOverdue").getId());
        management.executeJob(job(process, "Boundary_SelfReflectionOverdue").getId());
        sender.sendDue();
        List<MimeMessage> toHead = received(school.head(), "Overdue by ");
        assertThat(toHead).as("the head, once").hasSize(1);
        assertThat(GreenMailUtil.getBody(toHead.get(0))).contains("https://reviews.example.org/dashboard#steps-overdue");
        assertThat(received(school.leader(), "Overdue by ")).as("the line manager, still once").hasSize(1);
        assertThat(received(school.teacher(), "Overdue by ")).isEmpty();
    }

    @Test
    void aStepGivenAfterItsDueDateIsCountedFromTheDayItWasGiven() throws Exception {
        // the test school's objectives were due on 31 October; the cycle is launched today, weeks later
        String process = teachersReflectionTellingAfter("2", "5");

        management.executeJob(job(process, "Boundary_SelfReflectionOverdue").getId());
        sender.sendDue();
        assertThat(smtp.getReceivedMessages()).as("given today: nobody told yet, whatever the due date")
                .noneMatch(m -> ReceivedMail.subject(m).startsWith("Overdue by "));

        // two mornings after it was given: the line manager (the teacher's reviewer) is told, the head not yet
        givenOn(process, today.minusDays(2));
        management.executeJob(job(process, "Boundary_SelfReflectionOverdue").getId());
        sender.sendDue();
        assertThat(received(school.leader(), "Overdue by ")).hasSize(1);
        assertThat(received(school.head(), "Overdue by ")).isEmpty();
        assertThat(job(process, "Boundary_SelfReflectionOverdue")).as("and the timer comes back the next morning")
                .isNotNull();
    }

    @Test
    void nobodyIsToldOfAStepMoreThanNinetyDaysOverdue() throws Exception {
        String process = teachersReflectionTellingAfter("1", "2");
        givenOn(process, today.minusDays(120));
        jdbc.update("update ACT_RU_TASK set DUE_DATE_ = ? where PROC_INST_ID_ = ?",
                java.sql.Timestamp.valueOf(today.minusDays(91).atTime(17, 0)), process);

        management.executeJob(job(process, "Boundary_SelfReflectionOverdue").getId());
        sender.sendDue();
        assertThat(smtp.getReceivedMessages()).as("past the last day the settings can name: the timer's extra firing")
                .noneMatch(m -> ReceivedMail.subject(m).startsWith("Overdue by "));
    }

    /** The cycle launched, the line manager and the head told after these days: the teacher's review's process. */
    private String teachersReflectionTellingAfter(String lineManagerAfterDays, String headAfterDays) {
        launcher.launch(school.cycle().id());
        asAdministrator();
        reminders.change(school.school().id(), "7, 1", true, lineManagerAfterDays, headAfterDays);
        return processOf(school.teacher());
    }

    /** The step's task as if it had been given out on {@code day}. */
    private void givenOn(String process, LocalDate day) {
        jdbc.update("update ACT_RU_TASK set CREATE_TIME_ = ? where PROC_INST_ID_ = ?",
                java.sql.Timestamp.valueOf(day.atTime(9, 0)), process);
    }

    @Test
    void settingsAreCheckedFieldByFieldAndNothingIsSavedWhenOneIsWrong() {
        asAdministrator();
        long id = school.school().id();
        assertThatThrownBy(() -> reminders.change(id, "7, tomorrow", true, "0", "x"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fields())
                        .containsOnlyKeys("daysBefore", "lineManagerAfterDays", "headAfterDays")
                        .containsEntry("daysBefore", "Enter whole numbers of days from 1 to 30, separated by commas, "
                                + "such as 7, 1 ('tomorrow' is not one)"));
        assertThatThrownBy(() -> reminders.change(id, "7", true, "5", "5"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fields()).containsOnlyKeys("headAfterDays"));
        assertThat(reminders.settingsOf(id)).isEqualTo(ReminderSettings.DEFAULTS);

        reminders.change(id, "14 7 1", false, "2", "5");
        assertThat(reminders.settingsOf(id)).isEqualTo(new ReminderSettings(List.of(14, 7, 1), false, 2, 5));
        assertThat(jdbc.queryForObject("select count(*) from admin_change where school_id = ? and action = ?",
                Integer.class, id, "Changed the reminders")).isOne();
    }

    @Test
    void aChangeIsReadBackInTheTransactionThatMadeIt() {
        asAdministrator();
        long id = school.school().id();
        // a read before the change, in the same transaction, does not hide it
        ReminderSettings after = transaction.execute(status -> {
            assertThat(reminders.settingsOf(id)).isEqualTo(ReminderSettings.DEFAULTS);
            reminders.change(id, "3", true, "1", "4");
            return reminders.settingsOf(id);
        });
        assertThat(after).isEqualTo(new ReminderSettings(List.of(3), true, 1, 4));
        assertThat(reminders.settingsOf(id)).isEqualTo(after);
    }

    @Test
    void anotherSchoolsAdministratorCannotChangeThem() {
        TestSchool other = TestSchool.create(schools, staff);
        staff.setAdministrator(other.school().id(), other.head().id(), true);
        as(other.head().username());
        assertThatThrownBy(() -> reminders.change(school.school().id(), "3", true, "1", "2"))
                .isInstanceOf(RuntimeException.class);
        assertThat(reminders.settingsOf(school.school().id())).isEqualTo(ReminderSettings.DEFAULTS);
    }

    private void asAdministrator() {
        staff.setAdministrator(school.school().id(), school.head().id(), true);
        as(school.head().username());
    }

    private void as(String username) {
        var user = users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    private String processOf(StaffMember member) {
        return reviews.reviewsIn(school.cycle().id()).stream().filter(r -> r.staffId().equals(member.id()))
                .findFirst().orElseThrow().processInstanceId();
    }

    private Job job(String process, String activityId) {
        return management.createJobQuery().processInstanceId(process).activityId(activityId).singleResult();
    }

    private List<MimeMessage> received(StaffMember person, String subjectStart) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> ReceivedMail.to(m).equals(person.email())
                && ReceivedMail.subject(m).startsWith(subjectStart)).toList();
    }
}

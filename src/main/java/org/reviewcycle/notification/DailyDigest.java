package org.reviewcycle.notification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.reviewcycle.school.School;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One email a day, early in the morning ({@code reviewcycle.mail.digest-cron}, London time), for each member
 * of staff who chose it on "My email": every step waiting for them at their school, each with its due date and
 * link, overdue ones first. Nothing on a day when nothing waits. Every node runs it; the email's dedup key
 * (the person and the day) makes it one email however many nodes write it, and a node that stops half-way is
 * made good by the next run of another.
 */
@Component
class DailyDigest {

    private static final Logger log = LoggerFactory.getLogger(DailyDigest.class);
    static final String TEMPLATE = "daily-digest";

    /** One step in the digest, as the template shows it. */
    record WaitingStep(String name, String due, boolean overdue, String link) {
    }

    private final MailPreferenceMapper preferences;
    private final MailRecipients recipients;
    private final SchoolService schools;
    private final TaskService tasks;
    private final Outbox outbox;
    private final MailLinks links;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DailyDigest(MailPreferenceMapper preferences, MailRecipients recipients, SchoolService schools, TaskService tasks,
            Outbox outbox, MailLinks links, PlatformTransactionManager transactionManager, ObjectProvider<Clock> clock) {
        this.preferences = preferences;
        this.recipients = recipients;
        this.schools = schools;
        this.tasks = tasks;
        this.outbox = outbox;
        this.links = links;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    @Scheduled(cron = "${reviewcycle.mail.digest-cron:0 30 6 * * *}", zone = "Europe/London")
    void sendTodays() {
        int written = writeFor(LocalDate.now(clock));
        if (written > 0) {
            log.info("Wrote {} daily digest email(s)", written);
        }
    }

    /** Writes the digest of {@code day} for everyone who chose one and has something waiting; returns how many. */
    int writeFor(LocalDate day) {
        int written = 0;
        for (long staffId : preferences.selectDigestChoosers()) {
            try {
                if (Boolean.TRUE.equals(transaction.execute(status -> writeOne(staffId, day)))) {
                    written++;
                }
            } catch (RuntimeException e) {
                log.warn("No daily digest for member of staff {} today: {}", staffId, e.toString());
            }
        }
        return written;
    }

    private boolean writeOne(long staffId, LocalDate day) {
        StaffMember person = recipients.working(staffId).orElse(null);
        School school = person == null ? null : schools.findSchool(person.schoolId()).orElse(null);
        if (school == null || school.closed()) {
            return false;
        }
        List<Task> waiting = tasks.createTaskQuery().taskAssignee(person.username()).tenantIdIn(school.code())
                .orderByDueDate().asc().orderByTaskCreateTime().asc().list();
        if (waiting.isEmpty()) {
            return false;
        }
        List<WaitingStep> steps = waiting.stream().map(task -> {
            LocalDate due = task.getDueDate() == null ? null
                    : task.getDueDate().toInstant().atZone(clock.getZone()).toLocalDate();
            return new WaitingStep(task.getName(), MailRecipients.day(due), due != null && due.isBefore(day),
                    links.step(task.getId()));
        }).toList();
        Map<String, Object> values = new HashMap<>();
        values.put("firstName", person.firstName());
        values.put("schoolName", school.name());
        values.put("steps", steps);
        values.put("overdue", steps.stream().filter(WaitingStep::overdue).count());
        values.put("settings", links.page("/me/mail"));
        return outbox.write(new OutgoingMail(school.id(), person.id(), person.email(), MailKind.DIGEST,
                "digest:" + person.id() + ":" + day, TEMPLATE, values));
    }
}

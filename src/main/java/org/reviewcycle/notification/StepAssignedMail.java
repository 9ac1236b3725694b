package org.reviewcycle.notification;

import java.util.HashMap;
import java.util.Map;

import org.reviewcycle.staff.StaffMember;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The email that tells someone a step is theirs: what it is, by when, and a link straight to it. Written to
 * the outbox in the transaction that gave them the step, so a step that rolls back sends nothing. Not
 * written to people who chose one email a day (the {@link DailyDigest} lists the step), to someone who
 * claimed the step themselves, or to anyone {@link MailRecipients} rules out. One email per step and
 * person, however many times the engine reports the assignment.
 */
@Service
public class StepAssignedMail {

    static final String TEMPLATE = "task-assigned";

    private final Outbox outbox;
    private final MailRecipients recipients;
    private final MailPreferences preferences;
    private final MailLinks links;

    StepAssignedMail(Outbox outbox, MailRecipients recipients, MailPreferences preferences, MailLinks links) {
        this.outbox = outbox;
        this.recipients = recipients;
        this.preferences = preferences;
        this.links = links;
    }

    /** Writes the email for {@code step} if its person is to have one; returns whether it did. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean stepGiven(GivenStep step) {
        if (step.assignee() == null || (!step.created() && step.assignee().equals(step.givenBy()))) {
            return false;
        }
        StaffMember person = recipients.byUsername(step.schoolId(), step.assignee()).orElse(null);
        if (person == null || preferences.wantsDailyDigest(person.id())) {
            return false;
        }
        Map<String, Object> values = new HashMap<>();
        values.put("firstName", person.firstName());
        values.put("step", step.stepName());
        values.put("schoolName", step.schoolName());
        values.put("link", links.step(step.taskId()));
        values.put("settings", links.page("/me/mail"));
        if (step.due() != null) {
            values.put("due", MailRecipients.day(step.due()));
            // a step that reaches someone after its date (a review running late) says so, and asks for it soon
            values.put("late", step.due().toInstant().atZone(java.time.ZoneId.systemDefault()).toLocalDate()
                    .isBefore(java.time.LocalDate.now()));
        }
        return outbox.write(new OutgoingMail(step.schoolId(), person.id(), person.email(), MailKind.TASK_ASSIGNED,
                "assigned:" + step.taskId() + ":" + person.id(), TEMPLATE, values));
    }
}

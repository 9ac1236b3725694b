package org.reviewcycle.notification;

import java.util.List;
import java.util.Map;

import org.reviewcycle.common.NotFoundException;
import org.reviewcycle.history.AdministrationHistory;
import org.reviewcycle.history.AdministrationHistory.Subject;
import org.reviewcycle.school.School;
import org.reviewcycle.security.AdministeredSchools;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox, the notification feature's entry point. {@link #write} renders an email and writes it in the
 * caller's transaction, so that it is sent if and only if the step that caused it is kept; the
 * {@link OutboxSender} sends it later, on whichever node claims it. A school's administrators see what
 * is waiting or failed ({@link #unsent}) and send failed mail again.
 */
@Service
@Transactional
public class Outbox {

    /** The page lists at most this many; the counts above it say how many there are. */
    static final int PAGE_LIMIT = 500;

    private final OutboxMapper outbox;
    private final MailTemplates templates;
    private final AdministeredSchools administered;
    private final AdministrationHistory history;

    Outbox(OutboxMapper outbox, MailTemplates templates, AdministeredSchools administered,
            AdministrationHistory history) {
        this.outbox = outbox;
        this.templates = templates;
        this.administered = administered;
        this.history = history;
    }

    /**
     * Writes {@code mail} to the outbox, in the transaction that must already be running (a step's, a
     * timer's). Returns false, writing nothing, when an email with the same dedup key is there already.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean write(OutgoingMail mail) {
        RenderedMail rendered = templates.render(mail.template(), mail.values());
        try {
            int written = outbox.insertWaiting(mail, rendered);
            if (written == 0 && mail.dedupKey() == null) {
                throw new IllegalArgumentException("No school " + mail.schoolId() + " for an email");
            }
            return written == 1;
        } catch (DuplicateKeyException writtenMeanwhile) {
            // another transaction wrote the same email between our check and our insert
            return false;
        }
    }

    /**
     * Whether the email with this dedup key has been written already, for a writer that asks every morning (the
     * escalation timer) and need not render an email that would not be written.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean written(String dedupKey) {
        return outbox.selectWritten(dedupKey);
    }

    /** A school's outbox as its administrators see it: what waits or failed, and the counts. */
    public record SchoolOutbox(School school, OutboxCounts counts, List<OutboxEntry> unsent) {
    }

    @Transactional(readOnly = true)
    public SchoolOutbox unsent(long schoolId) {
        School school = administered.require(schoolId);
        return new SchoolOutbox(school, outbox.selectCounts(schoolId), outbox.selectUnsent(schoolId, PAGE_LIMIT));
    }

    /** Makes one failed email of the school due again, its tries counted afresh; the history says who did. */
    public void sendAgain(long schoolId, long mailId) {
        School school = administered.require(schoolId);
        if (outbox.updateSendAgain(schoolId, mailId) != 1) {
            throw new NotFoundException("That email is not among " + school.name() + "'s failed mail.");
        }
        history.record(new Subject(schoolId, null, "Email", mailId, "Email " + mailId), "Sent an email again",
                Map.of(), AdministrationHistory.fields("Email", "failed, to be sent again"));
    }

    /** Makes every failed email of the school due again; returns how many. */
    public int sendAllFailedAgain(long schoolId) {
        administered.require(schoolId);
        int again = outbox.updateSendAllFailedAgain(schoolId);
        if (again > 0) {
            history.record(new Subject(schoolId, null, "Email", null, "Failed mail"), "Sent failed mail again",
                    Map.of(), AdministrationHistory.fields("Emails sent again", Integer.toString(again)));
        }
        return again;
    }
}

package org.reviewcycle.notification;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where every email starts: {@link #write} renders it and writes it to the outbox in the caller's
 * transaction, so that it is sent if and only if the step that caused it is kept. The outbox's sender
 * sends it later, on whichever node claims it.
 */
@Service
public class Outbox {

    private final OutboxMapper outbox;
    private final MailTemplates templates;

    Outbox(OutboxMapper outbox, MailTemplates templates) {
        this.outbox = outbox;
        this.templates = templates;
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
}

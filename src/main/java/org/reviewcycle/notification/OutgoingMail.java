package org.reviewcycle.notification;

import java.util.Map;
import java.util.Objects;

/**
 * One email to write to the outbox: who it is for, why, and the template (under
 * {@code templates/mail/}, as {@code <template>.txt} and {@code <template>.html}) with the values it shows.
 *
 * @param schoolId    the school whose outbox it is in (the administrators of that school see it)
 * @param recipientId the member of staff it is for, or null when it is not for a member of staff
 * @param toAddress   where it goes
 * @param kind        why it is sent
 * @param dedupKey    null, or a key that no other email in the outbox has: writing an email whose key is
 *                    there already writes nothing (a retried timer, two nodes writing the same digest)
 * @param template    the template's name, e.g. {@code task-assigned}
 * @param values      what the template shows
 */
public record OutgoingMail(long schoolId, Long recipientId, String toAddress, MailKind kind, String dedupKey,
        String template, Map<String, ?> values) {

    public OutgoingMail {
        Objects.requireNonNull(toAddress, "toAddress");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(template, "template");
        values = Map.copyOf(values);
    }
}

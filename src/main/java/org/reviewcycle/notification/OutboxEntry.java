package org.reviewcycle.notification;

import java.time.LocalDateTime;

/** An email not sent yet, or given up on, as the administrators' outbox page lists it. */
public record OutboxEntry(long id, MailKind kind, String status, String toAddress, String toName, String subject,
        int attempts, String lastError, LocalDateTime createdAt, LocalDateTime nextAttemptAt) {

    public boolean failed() {
        return "FAILED".equals(status);
    }

    /** Why it was sent, in words. */
    public String kindInWords() {
        return switch (kind) {
            case TASK_ASSIGNED -> "A step to do";
            case REMINDER -> "Reminder";
            case ESCALATION -> "Overdue step";
            case DIGEST -> "Daily summary";
        };
    }
}

package org.reviewcycle.notification;

/** Why an email is sent: shown to administrators on the outbox page, and counted by the tests. */
public enum MailKind {
    /** A step was given to its person. */
    TASK_ASSIGNED,
    /** A step's due date is coming, or has come. */
    REMINDER,
    /** A step is overdue: the reviewer's line manager, and later the head, are told. */
    ESCALATION,
    /** One email a day of everything waiting, for those who chose it. */
    DIGEST
}

package org.reviewcycle.notification;

/** A school's outbox in three numbers: waiting to go, given up on, and sent in the last seven days. */
public record OutboxCounts(long waiting, long failed, long sentLastWeek) {
}

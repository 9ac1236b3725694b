package org.reviewcycle.notification;

/** An email this node has claimed from the outbox to send. */
record ClaimedMail(long id, String toAddress, String subject, String textBody, String htmlBody, int attempts) {
}

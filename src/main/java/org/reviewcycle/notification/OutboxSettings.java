package org.reviewcycle.notification;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How the outbox is sent (application.properties, {@code reviewcycle.mail.*}; README "Email"): whom the
 * mail is from, how many emails a node claims at a time and for how long, and how it retries: the wait
 * doubles from {@code first-retry} up to {@code longest-retry}, and after {@code max-attempts} failures the
 * email is kept as failed, with the reason, for an administrator to send again.
 */
@Component
public class OutboxSettings {

    final String from;
    final int batch;
    final Duration claimLease;
    final int maxAttempts;
    final Duration firstRetry;
    final Duration longestRetry;
    /** The domain of the from address: every email's Message-ID ends with it. */
    final String messageIdDomain;

    OutboxSettings(@Value("${reviewcycle.mail.from:ReviewCycle <reviewcycle@localhost>}") String from,
            @Value("${reviewcycle.mail.batch:20}") int batch,
            @Value("${reviewcycle.mail.claim-lease:5m}") Duration claimLease,
            @Value("${reviewcycle.mail.max-attempts:12}") int maxAttempts,
            @Value("${reviewcycle.mail.first-retry:1m}") Duration firstRetry,
            @Value("${reviewcycle.mail.longest-retry:1h}") Duration longestRetry) {
        if (batch < 1 || maxAttempts < 1 || claimLease.isNegative() || claimLease.isZero()
                || firstRetry.isNegative() || longestRetry.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException("reviewcycle.mail.*: batch and max-attempts must be 1 or more, the "
                    + "claim lease positive, and longest-retry at least first-retry");
        }
        this.from = from;
        this.batch = batch;
        this.claimLease = claimLease;
        this.maxAttempts = maxAttempts;
        this.firstRetry = firstRetry;
        this.longestRetry = longestRetry;
        int at = from.lastIndexOf('@');
        String domain = at < 0 ? "" : from.substring(at + 1).replace(">", "").strip();
        this.messageIdDomain = domain.isEmpty() ? "localhost" : domain;
    }

    /** The wait before the next try after {@code failures} failed tries: doubling, at most the longest. */
    Duration retryAfter(int failures) {
        Duration wait = firstRetry;
        for (int i = 1; i < failures && wait.compareTo(longestRetry) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(longestRetry) > 0 ? longestRetry : wait;
    }
}

package org.reviewcycle.security;

import java.time.Duration;
import java.time.Instant;

import org.springframework.security.authentication.LockedException;

/**
 * A login refused, whatever the password, because of too many failed attempts for the account or
 * from the client's address. A {@link LockedException}, so that code which only knows Spring
 * Security (the staff identity provider behind {@code /engine-rest/identity/verify}) tells it
 * apart from a wrong password and lets it through to the caller.
 */
class LoginThrottledException extends LockedException {

    private final transient Instant until;
    private final boolean forAccount;

    LoginThrottledException(Instant until, boolean forAccount) {
        super(forAccount ? "Too many failed attempts for this account" : "Too many failed attempts from this address");
        this.until = until;
        this.forAccount = forAccount;
    }

    /** The whole seconds left to wait at {@code now}, at least one: the value of a Retry-After header. */
    long secondsLeft(Instant now) {
        long millis = Math.max(Duration.between(now, until).toMillis(), 1);
        return (millis + 999) / 1000;
    }

    /** The refusal as people read it, with the minutes left at {@code now}. */
    String sentence(Instant now) {
        long minutes = Math.max((secondsLeft(now) + 59) / 60, 1);
        String wait = minutes == 1 ? "1 minute" : minutes + " minutes";
        return (forAccount ? "Too many failed attempts for this account." : "Too many failed attempts from your network.")
                + " Try again in " + wait + ".";
    }
}

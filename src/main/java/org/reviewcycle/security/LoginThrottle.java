package org.reviewcycle.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Counts failed logins per account and per client address, and says when either is cooling off.
 * After a run of failures (settings in application.properties, "Login throttling") every attempt
 * is refused, right password or not, for a period that doubles with each further run, up to a
 * longest. A run counts failures within a window from its first; a success ends the account's
 * run and forgets its earlier lockouts. An address is never forgiven by a success, or one known
 * password there would reset the guessing of all the others. What is counted lives in two
 * bounded Caffeine caches and is forgotten a while after the last failure, so guessing at many
 * usernames or from many addresses cannot grow the memory without bound; the accounts and the
 * addresses are kept apart so that a flood of one cannot push the other out.
 */
class LoginThrottle {

    /** How many failures start a lockout, over what window, and how long lockouts last. */
    record Settings(int accountFailures, Duration accountWindow, int addressFailures, Duration addressWindow,
            Duration firstLock, Duration longestLock, Duration remember, long maxTracked) {
        Settings {
            if (accountFailures < 1 || addressFailures < 1 || remember.compareTo(longestLock) <= 0) {
                throw new IllegalArgumentException("Login throttling needs at least one failure per run and "
                        + "'remember' longer than 'longest-lock', or a lockout would be forgotten before it ends");
            }
        }
    }

    /** One account's or address's failures: the current run, the lockouts so far and the latest one's end. */
    private record Run(int failures, Instant started, int lockouts, Instant lockedUntil) {
    }

    /** The longest username there can be: the username columns of staff and governors. */
    static final int LONGEST_USERNAME = 64;
    /** The key of every longer name: no username can hold a NUL. */
    private static final String LONGER_THAN_ANY_USERNAME = "\u0000longer than any username";

    private final Settings settings;
    private final Clock clock;
    private final Cache<String, Run> accounts;
    private final Cache<String, Run> addresses;

    LoginThrottle(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.accounts = cache(settings);
        this.addresses = cache(settings);
    }

    private static Cache<String, Run> cache(Settings settings) {
        return Caffeine.newBuilder().maximumSize(settings.maxTracked()).expireAfterWrite(settings.remember()).build();
    }

    Instant now() {
        return clock.instant();
    }

    /** Refuses at once while the account or the address (null when there is no request) is cooling off. */
    void checkAllowed(String account, String address) {
        Instant now = now();
        Optional.ofNullable(accounts.getIfPresent(key(account))).filter(run -> run.lockedUntil().isAfter(now))
                .ifPresent(run -> {
                    throw new LoginThrottledException(run.lockedUntil(), true);
                });
        if (address != null) {
            Optional.ofNullable(addresses.getIfPresent(address)).filter(run -> run.lockedUntil().isAfter(now))
                    .ifPresent(run -> {
                        throw new LoginThrottledException(run.lockedUntil(), false);
                    });
        }
    }

    void failed(String account, String address) {
        Instant now = now();
        accounts.asMap().compute(key(account), (k, run) -> next(run, settings.accountFailures(), settings.accountWindow(), now));
        if (address != null) {
            addresses.asMap().compute(address, (k, run) -> next(run, settings.addressFailures(), settings.addressWindow(), now));
        }
    }

    void succeeded(String account) {
        accounts.invalidate(key(account));
    }

    private Run next(Run run, int allowed, Duration window, Instant now) {
        if (run == null) {
            run = new Run(0, now, 0, Instant.MIN);
        } else if (run.started().plus(window).isBefore(now)) {
            run = new Run(0, now, run.lockouts(), run.lockedUntil());
        }
        int failures = run.failures() + 1;
        if (failures < allowed) {
            return new Run(failures, run.started(), run.lockouts(), run.lockedUntil());
        }
        int lockouts = run.lockouts() + 1;
        // first lock, then twice as long for each further run (the shift is capped: no overflow)
        Duration lock = settings.firstLock().multipliedBy(1L << Math.min(lockouts - 1, 20));
        if (lock.compareTo(settings.longestLock()) > 0) {
            lock = settings.longestLock();
        }
        Instant until = now.plus(lock);
        return new Run(0, until, lockouts, until);
    }

    /** How many accounts are being counted just now. */
    long trackedAccounts() {
        accounts.cleanUp();
        return accounts.estimatedSize();
    }

    /**
     * Counted case-blind: MySQL matches usernames so, and "Head" must not be a fresh account to guess at.
     * A name longer than any username (staff's and governors' are at most {@value #LONGEST_USERNAME}
     * characters) is nobody's: all of them are counted as one, so that a flood of long names cannot
     * fill the memory (a form may carry a name of up to a megabyte, and each would be kept whole).
     */
    private static String key(String account) {
        if (account == null) {
            return "";
        }
        String key = account.trim().toLowerCase(Locale.ROOT);
        return key.length() > LONGEST_USERNAME ? LONGER_THAN_ANY_USERNAME : key;
    }
}

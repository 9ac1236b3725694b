package org.reviewcycle.passwordreset;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * How many links one client address has asked for in its current hour, so that one machine cannot have
 * ReviewCycle email the whole staff list again and again (each person gets at most three links an hour anyway:
 * PasswordResets). A school's staff often share one address, so the limit is generous
 * ({@code reviewcycle.password-reset.asks-per-address-per-hour}, 30). Counted per node in a bounded Caffeine
 * cache, forgotten an hour after an address's first ask, like the login throttle.
 */
@Component
class AsksPerAddress {

    private static final Duration WINDOW = Duration.ofHours(1);

    private final int allowed;
    private final Cache<String, AtomicInteger> asks = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(WINDOW).build();

    AsksPerAddress(@Value("${reviewcycle.password-reset.asks-per-address-per-hour:30}") int allowed) {
        this.allowed = allowed;
    }

    /** Counts one ask from {@code address}; false when it is over the hour's limit (and nothing should be sent). */
    boolean allow(String address) {
        return asks.get(address == null ? "" : address, a -> new AtomicInteger()).incrementAndGet() <= allowed;
    }
}

package org.reviewcycle.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * What an outsider can make the login throttle keep: failures are counted per account, and an
 * account is whatever name was typed, so names longer than any username must not each be kept.
 */
class LoginThrottleMemoryTest {

    final LoginThrottle throttle = new LoginThrottle(new LoginThrottle.Settings(3, Duration.ofHours(1), 1000,
            Duration.ofHours(1), Duration.ofMinutes(5), Duration.ofHours(2), Duration.ofHours(24), 100_000),
            Clock.systemUTC());

    @Test
    void aFloodOfNamesLongerThanAnyUsernameIsCountedAsOneAccount() {
        for (int i = 0; i < 200; i++) {
            // 100,000 characters each: kept whole, 200 of them would be 20 MB, 100,000 of them 20 GB
            throttle.failed(i + "x".repeat(100_000), null);
        }
        assertThat(throttle.trackedAccounts()).isEqualTo(1);
        // which is nobody's: a real account is untouched
        throttle.checkAllowed("head", null);
    }

    @Test
    void aNameAsLongAsAUsernameCanBeIsStillItsOwnAccount() {
        String longest = "a".repeat(LoginThrottle.LONGEST_USERNAME);
        String other = "b".repeat(LoginThrottle.LONGEST_USERNAME);
        for (int i = 0; i < 3; i++) {
            throttle.failed(longest, null);
        }
        assertThatThrownBy(() -> throttle.checkAllowed(longest, null)).isInstanceOf(LoginThrottledException.class);
        assertThatThrownBy(() -> throttle.checkAllowed(" " + longest.toUpperCase() + " ", null))
                .isInstanceOf(LoginThrottledException.class);
        throttle.checkAllowed(other, null);
        assertThat(throttle.trackedAccounts()).isEqualTo(1);
    }
}

package org.reviewcycle.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.reviewcycle.common.DatabaseUnreachable;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * A login that fails because the database (where the password is) cannot be reached is not a
 * wrong password: it does not count towards a lockout, and it fails as a lost database (503,
 * "try again") rather than as a refused login ("do not match", 401).
 */
class ThrottledAuthenticationProviderTest {

    static final String ACCOUNT = "teacher.t1";
    static final String ADDRESS = "192.0.2.7";

    final AtomicBoolean databaseDown = new AtomicBoolean();
    final LoginThrottle throttle = new LoginThrottle(new LoginThrottle.Settings(3, Duration.ofHours(1), 3,
            Duration.ofHours(1), Duration.ofMinutes(5), Duration.ofHours(2), Duration.ofHours(24), 100),
            Clock.systemUTC());
    final ThrottledAuthenticationProvider logins = throttled(passwords());

    ThrottledAuthenticationProvider throttled(DaoAuthenticationProvider passwords) {
        return new ThrottledAuthenticationProvider(passwords, throttle, new SessionLogins(username -> {
            throw new UsernameNotFoundException(username);
        }, Duration.ofSeconds(10)));
    }

    @SuppressWarnings("deprecation") // plain-text passwords keep this test about counting, not hashing
    DaoAuthenticationProvider passwords() {
        var passwords = new DaoAuthenticationProvider(username -> {
            if (databaseDown.get()) {
                throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection");
            }
            return User.withUsername(username).password("demo").roles("STAFF").build();
        });
        passwords.setPasswordEncoder(NoOpPasswordEncoder.getInstance());
        return passwords;
    }

    @Test
    void loginsWhileTheDatabaseIsDownFailAsALostDatabaseAndAreNotCountedAsWrongPasswords() {
        databaseDown.set(true);
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> logins.authenticate(attempt("demo")))
                    .isNotInstanceOf(AuthenticationException.class)
                    .satisfies(thrown -> assertThat(DatabaseUnreachable.isCause(thrown)).isTrue());
        }

        databaseDown.set(false);
        assertThat(logins.authenticate(attempt("demo")).isAuthenticated()).isTrue();
    }

    @Test
    void wrongPasswordsStillCountAndLockTheAccount() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> logins.authenticate(attempt("guess"))).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> logins.authenticate(attempt("demo"))).isInstanceOf(LoginThrottledException.class);
    }

    /** Plain-text passwords, each hashing and each comparison counted. */
    static final class CountingPasswords implements PasswordEncoder {
        final AtomicInteger encodings = new AtomicInteger();
        final AtomicInteger comparisons = new AtomicInteger();

        @Override
        public String encode(CharSequence raw) {
            encodings.incrementAndGet();
            return raw.toString();
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            comparisons.incrementAndGet();
            return raw.toString().equals(encoded);
        }
    }

    @Test
    void aRehearsedCheckIsNotCountedAndLeavesTheFirstRealLoginNothingToPrepare() {
        var counting = new CountingPasswords();
        var passwords = passwords();
        passwords.setPasswordEncoder(counting);
        var logins = throttled(passwords);

        for (int i = 0; i < 5; i++) { // more than the three wrong passwords that lock the account
            logins.rehearse(ACCOUNT);
        }
        // Spring's check hashed its stand-in password for unknown names once, at the first rehearsal
        assertThat(counting.encodings).hasValue(1);

        assertThat(logins.authenticate(attempt("demo")).isAuthenticated()).isTrue();
        assertThat(counting.encodings).hasValue(1);
    }

    @Test
    void anAccountThatMayNotLogInIsRefusedOnlyAfterItsPasswordIsCheckedAsAnyOther() {
        var counting = new CountingPasswords();
        var check = LoginThrottling.passwordCheck(
                username -> User.withUsername(username).password("demo").disabled(true).roles("STAFF").build(), counting);

        // a leaver's name with a wrong password: the same refusal, after the same work, as anyone's
        assertThatThrownBy(() -> check.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(ACCOUNT, "guess")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(counting.comparisons).hasValue(1);
        // with the right one, still refused
        assertThatThrownBy(() -> check.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(ACCOUNT, "demo")))
                .isInstanceOf(DisabledException.class);
        assertThat(counting.comparisons).hasValue(2);
    }

    static UsernamePasswordAuthenticationToken attempt(String password) {
        var attempt = UsernamePasswordAuthenticationToken.unauthenticated(ACCOUNT, password);
        attempt.setDetails(new WebAuthenticationDetails(ADDRESS, null));
        return attempt;
    }
}

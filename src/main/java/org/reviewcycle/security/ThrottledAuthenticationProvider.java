package org.reviewcycle.security;

import org.reviewcycle.common.DatabaseUnreachable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Every password check, whichever way it comes (the login form, HTTP basic on {@code /engine-rest}
 * and {@code /api}, the engine's {@code identity/verify}), goes through here: refused at once while
 * the account or the client's address is cooling off, and counted by {@link LoginThrottle}.
 * The address is the request's remote address, which names a proxy's client only when
 * {@code server.forward-headers-strategy} trusts that proxy. A check that fails because the
 * database cannot be reached is not counted, and is rethrown as a lost database, not a refused login.
 */
public class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final SessionLogins sessions;

    ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle, SessionLogins sessions) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.sessions = sessions;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String account = attempt.getName();
        String address = clientAddress(attempt);
        throttle.checkAllowed(account, address);
        try {
            Authentication authenticated = passwords.authenticate(attempt);
            throttle.succeeded(account);
            // what was checked, for the session a login opens (before the password is erased from it)
            sessions.checked(authenticated);
            return authenticated;
        } catch (AuthenticationException e) {
            if (DatabaseUnreachable.isCause(e)) {
                // not a wrong password: nothing to count, and the person should hear "try again"
                // (system.DatabaseUnreachableFilter), not "do not match"
                throw new DataAccessResourceFailureException("The password could not be checked", e);
            }
            throttle.failed(account, address);
            throw e;
        }
    }

    /**
     * The password check run for someone with a password that is none, as the warm-up before the first login
     * after a start does ({@code tasklist.FirstLoginWarmUp}): their account read and checked, and the password
     * compared, which fails as a typo would. Not counted by the throttle, no login event, nothing kept: it
     * only has the check's first run, which is slower (Spring's check hashes a password of its own on its
     * first use, to take as long for a name nobody has), happen before anybody waits for it.
     */
    public void rehearse(String username) {
        try {
            passwords.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, ""));
        } catch (AuthenticationException expected) {
            // a password that is none does not match: what a real check's first run would have done is done
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** From the login's details (form, basic); for a check inside the engine, from the current request. */
    private static String clientAddress(Authentication attempt) {
        if (attempt.getDetails() instanceof WebAuthenticationDetails details) {
            return details.getRemoteAddress();
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            return request.getRequest().getRemoteAddr();
        }
        return null;
    }
}

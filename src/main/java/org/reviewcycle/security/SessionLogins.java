package org.reviewcycle.security;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.reviewcycle.common.PasswordChanged;
import org.reviewcycle.staff.EngineGroups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.OncePerRequestFilter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A login lasts only while what it was made with still holds. At login (the form, or the form on Tasklist's
 * page) the session keeps a fingerprint of what the password check found: the person's password hash,
 * whether they may log in, their school and whether they are its head, and which schools they administer
 * (or the trust). On every request the
 * fingerprint is compared with the person's current one; when it differs, the session ends before Spring
 * Security reads it, and the request goes on as from someone not logged in (the login page, or a 401 for the
 * webapps and the API; the login page, which Tasklist then opens, says why). So a changed password ends the
 * person's other sessions (a phone left logged in, a session someone else took over), a leaver's or
 * switched-off governor's session ends, and so does one whose administrator's or head's role was given or taken
 * away, or who moved to another school, which a session would otherwise keep until logout.
 *
 * <p>The current fingerprints are cached per person for {@code reviewcycle.sessions.checked-every} (10 s: one
 * lookup per person in that time, however many requests), so a leaving date or a role, or a password changed on
 * another node of a cluster, takes effect within that time; a password changed on this node at once, and the
 * session it was changed in goes on with the new one. HTTP basic keeps no session and checks the password on
 * every request anyway.
 */
@Configuration
class SessionLogins {

    static final String ATTRIBUTE = SessionLogins.class.getName() + ".LOGIN";
    /** Kept in the new session of someone whose login was ended, for the login page to say why. */
    static final String ENDED = SessionLogins.class.getName() + ".ENDED";
    private static final String NO_LOGIN = "";
    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();
    private static final Logger log = LoggerFactory.getLogger(SessionLogins.class);

    /** What the session's login was made with: whose, and their fingerprint then. */
    record Login(String username, String fingerprint) implements Serializable {
    }

    private final UserDetailsService people;
    /** Each person's fingerprint now, read at most once per interval. */
    private final Cache<String, String> current;
    /** Each login's fingerprint as its password check found it, until its request ends (a login is this object). */
    private final Cache<Authentication, String> checked = Caffeine.newBuilder().weakKeys()
            .expireAfterWrite(Duration.ofMinutes(5)).build();

    SessionLogins(UserDetailsService people, @Value("${reviewcycle.sessions.checked-every}") Duration checkedEvery) {
        this.people = people;
        this.current = Caffeine.newBuilder().maximumSize(50_000).expireAfterWrite(checkedEvery).build();
    }

    /**
     * The password check has just accepted {@code login} (ThrottledAuthenticationProvider, before the password is
     * erased from it): its fingerprint is what was checked, whatever changes while the login finishes.
     */
    void checked(Authentication login) {
        if (login.getPrincipal() instanceof UserDetails person && person.getPassword() != null) {
            checked.put(login, fingerprintOf(person));
        }
    }

    /**
     * Once the change is written: the session it was made in keeps going with the new fingerprint, and every
     * other session of theirs on this node meets it at its next request. The new one is read first and then
     * replaces the old in the session and in the cache one after the other, so that another tab of the same
     * session does not meet one without the other for longer than that.
     */
    @TransactionalEventListener(fallbackExecution = true)
    void onPasswordChanged(PasswordChanged changed) {
        String username = changed.username();
        String now = lookUp(username);
        HttpSession session = currentSession();
        if (session != null && session.getAttribute(ATTRIBUTE) instanceof Login login && login.username().equals(username)) {
            session.setAttribute(ATTRIBUTE, new Login(username, now));
        }
        current.put(username, now);
    }

    /**
     * The session of a request that logged someone in (the form, the form on Tasklist's page) keeps the
     * fingerprint its password check found, also when someone logged in over another login (Spring Security
     * changes the session's id but keeps what it holds). A session holding a login that no password check of
     * this server made (none is made otherwise; tests can) takes the person's fingerprint as it is now.
     */
    private void rememberLogin(HttpSession session) {
        if (session == null) {
            return;
        }
        try {
            if (!(session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) instanceof SecurityContext context)
                    || !TRUST.isAuthenticated(context.getAuthentication())) {
                return;
            }
            Authentication login = context.getAuthentication();
            String atItsCheck = checked.getIfPresent(login);
            if (atItsCheck != null) {
                checked.invalidate(login);
                session.setAttribute(ATTRIBUTE, new Login(login.getName(), atItsCheck));
            } else if (!(session.getAttribute(ATTRIBUTE) instanceof Login kept && kept.username().equals(login.getName()))) {
                session.setAttribute(ATTRIBUTE, new Login(login.getName(), fingerprintOf(login.getName())));
            }
        } catch (IllegalStateException loggedOut) {
            // the request ended the session (a logout): nothing to remember
        } catch (RuntimeException unreadable) {
            // the database, for a session no check made: it is judged from its next request, which reads it again
            log.warn("Could not keep a session's login fingerprint: {}", unreadable.getClass().getName());
        }
    }

    /** Whether the login kept in {@code session}, if any, still holds. A session without one is not ours to judge. */
    boolean stillHolds(HttpSession session) {
        return !(session.getAttribute(ATTRIBUTE) instanceof Login login) || holds(login);
    }

    private boolean holds(Login login) {
        return MessageDigest.isEqual(bytes(login.fingerprint()), bytes(fingerprintOf(login.username())));
    }

    /**
     * Ends {@code session} when its login no longer holds. False when it holds, or when another request of the
     * same session (Tasklist sends several at once) ended it a moment ago: this one then goes on without it.
     */
    private boolean endedIfChanged(HttpSession session) {
        try {
            if (!(session.getAttribute(ATTRIBUTE) instanceof Login login) || holds(login)) {
                return false;
            }
            session.invalidate();
            log.info("Ended a session of {}: their password, leaving date, school, or head's or administrator's role changed",
                    login.username());
            return true;
        } catch (IllegalStateException endedMeanwhile) {
            return false;
        }
    }

    private String fingerprintOf(String username) {
        return current.get(username, this::lookUp);
    }

    private String lookUp(String username) {
        try {
            return fingerprintOf(people.loadUserByUsername(username));
        } catch (UsernameNotFoundException gone) {
            return NO_LOGIN;
        }
    }

    /**
     * The password hash, whether they may log in, which school they work at and whether they are its head, and
     * which schools they administer (and whether the trust): what a session may not outlive, as each opens a
     * school's records or the trust's. Not their teams or other groups, which change in the course of a year
     * without making a login unsafe.
     */
    static String fingerprintOf(UserDetails person) {
        String rights = person.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.equals(EngineGroups.ADMINS) || a.equals(EngineGroups.TRUST_ADMINS)
                        || a.startsWith(EngineGroups.adminsOf("")) || a.startsWith(EngineGroups.schoolStaff(""))
                        || a.startsWith(EngineGroups.headOf("")))
                .sorted().collect(Collectors.joining(","));
        return sha256(person.getUsername() + "\n" + person.getPassword() + "\n" + person.isEnabled() + "\n" + rights);
    }

    /**
     * Before Spring Security reads the session (its filter chain is at {@link SecurityProperties#DEFAULT_FILTER_ORDER}),
     * inside the answer for a database that cannot be reached (system.DatabaseUnreachableAnswers).
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> endedLoginsFilter() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                HttpSession session = request.getSession(false);
                if (session != null && endedIfChanged(session)) {
                    request.getSession().setAttribute(ENDED, Boolean.TRUE);
                }
                chain.doFilter(request, response);
                rememberLogin(request.getSession(false));
            }
        });
        registration.addUrlPatterns("/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    private static HttpSession currentSession() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getSession(false) : null;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes(text)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}

package org.reviewcycle.security;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

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
 * page) the session keeps a fingerprint of the person's password hash,
 * whether they may log in, and whether they are an administrator of a school or of the trust. On every request
 * the fingerprint is compared with the person's current one; when it differs, the session ends before Spring
 * Security reads it, and the request goes on as from someone not logged in (the login page, or a 401 for the
 * webapps and the API; the login page, which Tasklist then opens, says why). So a changed password ends the person's other sessions (a phone left logged in, a
 * session someone else took over), a leaver's or switched-off governor's session ends, and so does one whose
 * administrator's role was given or taken away, which a session would otherwise keep until logout.
 *
 * <p>The current fingerprints are cached per person for {@code reviewcycle.sessions.checked-every} (10 s: one
 * lookup per person in that time, however many requests), so a leaving date or a role, or a password changed on
 * another node of a cluster, takes effect within that time; a password changed on this node at once, and the
 * session it was changed in goes on with the new one.
 * HTTP basic keeps no session and checks the password on every request anyway.
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
    private final Cache<String, String> current;

    SessionLogins(UserDetailsService people, @Value("${reviewcycle.sessions.checked-every}") Duration checkedEvery) {
        this.people = people;
        this.current = Caffeine.newBuilder().maximumSize(50_000).expireAfterWrite(checkedEvery).build();
    }

    /** Once the change is written: the new fingerprint is read afresh, and the session it was made in keeps going. */
    @TransactionalEventListener(fallbackExecution = true)
    void onPasswordChanged(PasswordChanged changed) {
        current.invalidate(changed.username());
        HttpSession session = currentSession();
        if (session != null && session.getAttribute(ATTRIBUTE) instanceof Login login
                && login.username().equals(changed.username())) {
            session.setAttribute(ATTRIBUTE, new Login(login.username(), fingerprintOf(login.username())));
        }
    }

    /**
     * The session of a request that logged someone in (the form, the form on Tasklist's page) keeps what their
     * login was made with; so does one where someone else logged in (Spring Security changes the session's id
     * but keeps what it holds).
     */
    private void rememberLogin(HttpSession session) {
        if (session == null) {
            return;
        }
        try {
            if (session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) instanceof SecurityContext context
                    && TRUST.isAuthenticated(context.getAuthentication())
                    && !(session.getAttribute(ATTRIBUTE) instanceof Login login
                            && login.username().equals(context.getAuthentication().getName()))) {
                String username = context.getAuthentication().getName();
                session.setAttribute(ATTRIBUTE, new Login(username, fingerprintOf(username)));
            }
        } catch (IllegalStateException loggedOut) {
            // the request ended the session (a logout): nothing to remember
        }
    }

    /** Whether the login kept in {@code session}, if any, still holds. A session without one is not ours to judge. */
    boolean stillHolds(HttpSession session) {
        return !(session.getAttribute(ATTRIBUTE) instanceof Login login)
                || MessageDigest.isEqual(bytes(login.fingerprint()), bytes(fingerprintOf(login.username())));
    }

    private String fingerprintOf(String username) {
        return current.get(username, this::lookUp);
    }

    private String lookUp(String username) {
        UserDetails person;
        try {
            person = people.loadUserByUsername(username);
        } catch (UsernameNotFoundException gone) {
            return NO_LOGIN;
        }
        boolean administers = person.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.equals(EngineGroups.ADMINS) || a.equals(EngineGroups.TRUST_ADMINS));
        return sha256(person.getUsername() + "\n" + person.getPassword() + "\n" + person.isEnabled() + "\n"
                + person.isAccountNonLocked() + "\n" + administers);
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
                if (session != null && !stillHolds(session)) {
                    session.invalidate();
                    request.getSession().setAttribute(ENDED, Boolean.TRUE);
                    log.info("A session ended: the password, leaving date or administrator's role of its login changed");
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

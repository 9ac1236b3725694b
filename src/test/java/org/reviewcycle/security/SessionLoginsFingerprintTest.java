package org.reviewcycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * What a session's login is made with (SessionLogins), without a server: the fingerprint is the one its
 * password check found, even when the password changes while the login finishes; and it covers their school,
 * whether they are its head and which schools they administer, not their teams.
 */
class SessionLoginsFingerprintTest {

    final AtomicReference<UserDetails> inTheDatabase = new AtomicReference<>(person("{bcrypt}old-hash", "staff"));
    final SessionLogins sessions = new SessionLogins(username -> inTheDatabase.get(), Duration.ofSeconds(10));
    final Filter filter = sessions.endedLoginsFilter().getFilter();

    static UserDetails person(String hash, String... groups) {
        return User.withUsername("amy.clarke").password(hash).authorities(groups).build();
    }

    /** A request through the filter; {@code servlet} stands for what the request does behind it. */
    MockHttpSession request(MockHttpSession session, Consumer<HttpServletRequest> servlet) throws Exception {
        var request = new MockHttpServletRequest("GET", "/camunda/api/engine/engine/default/task");
        request.setSession(session);
        filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) {
                servlet.accept(req);
            }
        }));
        return (MockHttpSession) request.getSession(false);
    }

    /** What a login request does: the password check, then the login kept in the session. */
    static void logIn(HttpServletRequest request, Authentication checked) {
        request.getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                new SecurityContextImpl(checked));
    }

    Authentication passwordChecked() {
        var person = inTheDatabase.get();
        var login = UsernamePasswordAuthenticationToken.authenticated(person, null, person.getAuthorities());
        sessions.checked(login);
        return login;
    }

    @Test
    void aLoginKeepsWhatItsPasswordCheckFoundWhenThePasswordChangesBeforeItsRequestEnds() throws Exception {
        var session = request(new MockHttpSession(), request -> {
            Authentication login = passwordChecked();
            // the password is changed elsewhere while this login finishes
            inTheDatabase.set(person("{bcrypt}new-hash", "staff"));
            logIn(request, login);
        });
        assertThat(session.getAttribute(SessionLogins.ATTRIBUTE)).isNotNull();
        assertThat(sessions.stillHolds(session)).isFalse();

        var next = request(session, request -> { });
        assertThat(session.isInvalid()).isTrue();
        assertThat(next.getAttribute(SessionLogins.ENDED)).isEqualTo(Boolean.TRUE);
    }

    @Test
    void aLoginWhoseCheckFoundTheNewPasswordHolds() throws Exception {
        inTheDatabase.set(person("{bcrypt}new-hash", "staff"));
        var session = request(new MockHttpSession(), request -> logIn(request, passwordChecked()));
        assertThat(sessions.stillHolds(session)).isTrue();
        assertThat(request(session, request -> { })).isSameAs(session);
        assertThat(session.isInvalid()).isFalse();
    }

    @Test
    void theirSchoolAndWhetherTheyAreItsHeadArePartOfTheirLogin() {
        String teacherAtOne = SessionLogins.fingerprintOf(person("h", "staff", "school-s1", "team-s1-ks2"));
        // moved to another school
        assertThat(SessionLogins.fingerprintOf(person("h", "staff", "school-s2", "team-s1-ks2"))).isNotEqualTo(teacherAtOne);
        // made its head
        assertThat(SessionLogins.fingerprintOf(person("h", "staff", "school-s1", "heads", "heads-s1", "team-s1-ks2")))
                .isNotEqualTo(teacherAtOne);
        // another team, or leading one, in the same school
        assertThat(SessionLogins.fingerprintOf(person("h", "staff", "school-s1", "team-s1-eyfs", "team-leaders")))
                .isEqualTo(teacherAtOne);
    }

    @Test
    void whichSchoolsSomeoneAdministersIsPartOfTheirLoginAndTheirTeamsAreNot() {
        String adminOfOne = SessionLogins.fingerprintOf(person("h", "staff", "admins", "admins-s1", "team-s1-ks2"));
        assertThat(SessionLogins.fingerprintOf(person("h", "staff", "admins", "admins-s2", "team-s1-ks2"))).isNotEqualTo(adminOfOne);
        assertThat(SessionLogins.fingerprintOf(person("h", "staff", "team-s1-ks2"))).isNotEqualTo(adminOfOne);
        assertThat(SessionLogins.fingerprintOf(person("h", "staff", "admins", "admins-s1", "trust-admins"))).isNotEqualTo(adminOfOne);
        assertThat(SessionLogins.fingerprintOf(person("h", "staff", "admins", "admins-s1", "team-s1-ks1", "team-leaders")))
                .isEqualTo(adminOfOne);
        assertThat(SessionLogins.fingerprintOf(User.withUsername("amy.clarke").password("h").disabled(true)
                .authorities("staff", "admins", "admins-s1").build())).isNotEqualTo(adminOfOne);
    }
}

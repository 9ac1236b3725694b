package org.reviewcycle.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Login throttling (application.properties, "Login throttling"): the one authentication provider,
 * and the 429 answers of the API paths. The login form shows the refusal itself ({@link LoginPage}).
 */
@Configuration
class LoginThrottling {

    static final String TOO_MANY = "TooManyFailedLogins";

    @Bean
    LoginThrottle loginThrottle(
            @Value("${reviewcycle.login-throttle.account-failures}") int accountFailures,
            @Value("${reviewcycle.login-throttle.account-window}") Duration accountWindow,
            @Value("${reviewcycle.login-throttle.address-failures}") int addressFailures,
            @Value("${reviewcycle.login-throttle.address-window}") Duration addressWindow,
            @Value("${reviewcycle.login-throttle.first-lock}") Duration firstLock,
            @Value("${reviewcycle.login-throttle.longest-lock}") Duration longestLock,
            @Value("${reviewcycle.login-throttle.remember}") Duration remember,
            @Value("${reviewcycle.login-throttle.max-tracked}") long maxTracked) {
        return new LoginThrottle(new LoginThrottle.Settings(accountFailures, accountWindow, addressFailures,
                addressWindow, firstLock, longestLock, remember, maxTracked), Clock.systemUTC());
    }

    /**
     * The only authentication provider, so Spring Security uses it for the form and for basic
     * (instead of building its own from the UserDetailsService), and the engine's password check
     * uses it too (StaffIdentityProvider).
     */
    @Bean
    ThrottledAuthenticationProvider throttledAuthenticationProvider(UserDetailsService staff, PasswordEncoder passwordEncoder,
            LoginThrottle throttle, SessionLogins sessions) {
        return new ThrottledAuthenticationProvider(passwordCheck(staff, passwordEncoder), throttle, sessions);
    }

    /**
     * Spring's password check, with whether the account may log in (a leaver, a governor the school stopped)
     * checked after the password rather than before: refused before, such an account was answered without
     * the password being hashed, quicker than a wrong password or an unknown name, so the time an answer took
     * told who had an account here. The answer is the same sentence either way.
     */
    static DaoAuthenticationProvider passwordCheck(UserDetailsService people, PasswordEncoder passwordEncoder) {
        var passwords = new DaoAuthenticationProvider(people);
        passwords.setPasswordEncoder(passwordEncoder);
        passwords.setPreAuthenticationChecks(person -> {
        });
        passwords.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        return passwords;
    }

    /** HTTP basic: 429 with Retry-After while cooling off, otherwise the usual 401 and challenge. */
    static AuthenticationEntryPoint basicEntryPoint(String realm, LoginThrottle throttle) {
        var challenge = new BasicAuthenticationEntryPoint();
        challenge.setRealmName(realm);
        challenge.afterPropertiesSet();
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException refusal) -> {
            if (refusal instanceof LoginThrottledException throttled) {
                tooManyRequests(request, response, throttled, throttle);
            } else {
                challenge.commence(request, response, refusal);
            }
        };
    }

    /** 429 with Retry-After (seconds) and the sentence, for every way in that a lock refuses. */
    static void tooManyRequests(HttpServletRequest request, HttpServletResponse response,
            LoginThrottledException throttled, LoginThrottle throttle) throws IOException {
        var now = throttle.now();
        response.setHeader("Retry-After", Long.toString(throttled.secondsLeft(now)));
        Refusal.send(request, response, 429, TOO_MANY, throttled.sentence(now));
    }

    /** {@code /engine-rest/identity/verify}: the engine's password check refused, as 429 rather than Camunda's 500. */
    @Bean
    ResourceConfigCustomizer throttledPasswordCheckAnswer(LoginThrottle throttle) {
        var json = new ObjectMapper();
        return config -> config.register(new ExceptionMapper<LoginThrottledException>() {
            @Override
            public Response toResponse(LoginThrottledException throttled) {
                var now = throttle.now();
                return Response.status(429).header("Retry-After", throttled.secondsLeft(now))
                        .type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(json.createObjectNode().put("type", TOO_MANY).put("message", throttled.sentence(now))
                                .toString())
                        .build();
            }
        });
    }
}

package org.reviewcycle.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.util.ServletContextUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The login in place: the login form Tasklist's page shows to someone not logged in
 * (/reviewcycle/login-in-place.js) posts here, through Tasklist's own AuthenticationService, so that
 * Tasklist, already started while the person typed, shows their tasks without loading a page. It is
 * the form login in every way that matters: the same throttled password check, a new session id, a new
 * webapps' token (WebappCsrfTokens), the same login event (PersonalTaskFilters brings the person's filter up
 * to date), and the webapps' CSRF token required (a post without it goes on to be refused by the
 * application chain). Only Tasklist's path is ours; Camunda's login for its other apps stays refused.
 */
final class TasklistLogin {

    static final String PATH = "/camunda/api/admin/auth/user/default/login/tasklist";
    private static final ObjectMapper JSON = new ObjectMapper();

    private TasklistLogin() {
    }

    static UsernamePasswordAuthenticationFilter filter(AuthenticationProvider passwords, RequestMatcher carriesToken,
            ProcessEngine engine, LoginThrottle throttle, ApplicationEventPublisher events, WebappCsrfTokens tokens) {
        var checks = new ProviderManager(passwords);
        checks.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
        var filter = new UsernamePasswordAuthenticationFilter(checks);
        filter.setRequiresAuthenticationRequestMatcher(new AndRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, PATH), carriesToken));
        // as the form login: a new session id, and a new CSRF token for our own pages (the chain keeps its
        // tokens in the session, Spring Security's default repository)
        filter.setSessionAuthenticationStrategy(new CompositeSessionAuthenticationStrategy(List.of(
                new ChangeSessionIdAuthenticationStrategy(),
                new CsrfAuthenticationStrategy(new HttpSessionCsrfTokenRepository()))));
        filter.setSecurityContextRepository(new DelegatingSecurityContextRepository(
                new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository()));
        filter.setApplicationEventPublisher(events);
        filter.setAuthenticationSuccessHandler((request, response, person) -> {
            // the page's token from before the login is worthless after it: Tasklist goes on with the new cookie
            tokens.renew(request, response);
            loggedIn(request, response, person, engine);
        });
        filter.setAuthenticationFailureHandler((request, response, refusal) -> refused(request, response, refusal, throttle));
        return filter;
    }

    /**
     * What Camunda's own login answers: the person and the webapps they may open. Kept in the session as
     * the webapps' login (what ContainerBasedAuthenticationFilter would work out on the next request), so
     * that Tasklist's first requests do not each work it out again.
     */
    private static void loggedIn(HttpServletRequest request, HttpServletResponse response, Authentication person,
            ProcessEngine engine) throws IOException {
        List<String> apps = List.of();
        var session = request.getSession();
        var logins = AuthenticationUtil.getAuthsFromSession(session);
        if (SecurityConfiguration.isGovernor(person)) {
            // a governor never uses the webapps: nobody's webapp login stays in their session
            logins.removeByEngineName(engine.getName());
        } else {
            var webappLogin = AuthenticationUtil.createAuthentication(engine, person.getName());
            // valid as long as one made by Camunda's own login (else the next request makes it again)
            webappLogin.setCacheValidationTime(ServletContextUtil.getAuthCacheValidationTime(request.getServletContext()));
            logins.addOrReplace(webappLogin);
            apps = List.copyOf(webappLogin.getAuthorizedApps());
        }
        AuthenticationUtil.updateSession(session, logins);
        var body = JSON.createObjectNode().put("userId", person.getName());
        var authorizedApps = body.putArray("authorizedApps");
        apps.stream().sorted().forEach(authorizedApps::add);
        response.setStatus(HttpStatus.OK.value());
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(body.toString());
    }

    private static void refused(HttpServletRequest request, HttpServletResponse response, AuthenticationException refusal,
            LoginThrottle throttle) throws IOException {
        if (refusal instanceof LoginThrottledException throttled) {
            LoginThrottling.tooManyRequests(request, response, throttled, throttle);
        } else {
            Refusal.send(request, response, HttpStatus.UNAUTHORIZED.value(), "LoginFailed", LoginPage.NO_MATCH);
        }
    }
}

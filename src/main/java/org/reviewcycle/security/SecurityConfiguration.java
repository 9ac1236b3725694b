package org.reviewcycle.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.reviewcycle.reporting.GovernorService;
import org.reviewcycle.staff.EngineGroups;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One login for the whole application. Spring Security authenticates (form login for people, HTTP
 * basic for API clients on {@code /engine-rest}); Camunda's container-based authentication then
 * takes the logged-in user from the request for Tasklist, Cockpit, Admin and the REST API, so there
 * is no second login screen, and logging out of either ends both.
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

    /**
     * Tasklist, Cockpit and Admin post here to log out; it ends the Spring session too. Only with the
     * webapps' own CSRF token: Spring Security acts on it before Camunda's CSRF filter would look,
     * so without this a post from another site could log people out.
     */
    private static final RequestMatcher CAMUNDA_LOGOUT_PATH = path(HttpMethod.POST, "/camunda/api/admin/auth/user/*/logout");
    private static final RequestMatcher CAMUNDA_LOGOUT = new AndRequestMatcher(CAMUNDA_LOGOUT_PATH,
            SecurityConfiguration::carriesWebappsCsrfToken);
    private static final RequestMatcher CAMUNDA_LOGIN = path(null, "/camunda/api/admin/auth/user/*/login/**");
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    /**
     * A change through the webapps' API without their CSRF token. Camunda's CsrfPreventionFilter
     * would refuse it too, but it also ends the session it came with, so another site's form could
     * log anyone out; refused here first, the session kept.
     */
    private static final RequestMatcher WEBAPP_CHANGE_WITHOUT_TOKEN = new AndRequestMatcher(path(null, "/camunda/api/**"),
            request -> !SAFE_METHODS.contains(request.getMethod()) && !carriesWebappsCsrfToken(request));

    /**
     * A governor (reporting.GovernorService) reads their school's dashboard and nothing else: every other
     * page and endpoint (Tasklist, Cockpit, /engine-rest, /api, records, staff pages) is refused to them.
     */
    private static final RequestMatcher GOVERNOR_OUTSIDE_DASHBOARD = new AndRequestMatcher(
            request -> isGovernor(SecurityContextHolder.getContext().getAuthentication()),
            new NegatedRequestMatcher(new OrRequestMatcher(paths("/", "/dashboard", "/schools/*/dashboard",
                    "/schools/*/dashboard/*", "/editors/dashboard.js", "/governor/password", "/logout",
                    // the engine's name, which Tasklist asks for while it logs them in (TasklistLogin)
                    "/camunda/api/engine/engine/"))));

    @Bean
    static PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * {@code /engine-rest} and our own {@code /api}: the same session as the webapps, or HTTP basic;
     * 401 with neither. Our API is for admins.
     */
    @Bean
    @Order(1)
    SecurityFilterChain engineRestApi(HttpSecurity http, LoginThrottle throttle) throws Exception {
        return http
                .securityMatcher(new OrRequestMatcher(paths("/engine-rest/**", "/api/**")))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(GOVERNOR_OUTSIDE_DASHBOARD).denyAll()
                        .requestMatchers(paths("/api/**")).hasAuthority(EngineGroups.ADMINS)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(LoginThrottling.basicEntryPoint("ReviewCycle", throttle)))
                // A browser session must prove it means the request; a client that sends its
                // credentials with every request (basic) cannot be forged by another site.
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(request ->
                        !SAFE_METHODS.contains(request.getMethod()) && request.getHeader("Authorization") == null))
                .headers(ContentSecurityPolicy::ours)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain application(HttpSecurity http, PersonalTaskFilters taskFilters,
            AuthenticationProvider passwords, ProcessEngine engine, LoginThrottle throttle,
            ApplicationEventPublisher events) throws Exception {
        var webappApi = path(null, "/camunda/api/**");
        var webappTokens = new WebappCsrfTokens();
        return http
                .authorizeHttpRequests(requests -> requests
                        // the login page, its style, the scripts the webapps load before anyone logs in, and
                        // the front door (LoginPage), which sends each person where they start
                        .requestMatchers(paths("/", "/login", "/error", "/favicon.ico", "/reviewcycle.css",
                                "/reviewcycle/*.js"))
                        .permitAll()
                        // Camunda's own scripts and styles, the same open-source files for everyone: the
                        // login page has the browser fetch Tasklist's while the person types (LoginPage)
                        .requestMatchers(path(HttpMethod.GET, "/camunda/lib/*.js"),
                                path(HttpMethod.GET, "/camunda/app/tasklist/camunda-tasklist-bootstrap.*"))
                        .permitAll()
                        .requestMatchers(GOVERNOR_OUTSIDE_DASHBOARD).denyAll()
                        // Tasklist's page and files, and the engine's name, for someone not logged in: Tasklist
                        // starts behind its login form while the person types (TasklistLogin). The same
                        // open-source files for everyone; every piece of data stays behind the login.
                        .requestMatchers(path(HttpMethod.GET, LoginPage.TASKLIST),
                                path(HttpMethod.GET, "/camunda/app/tasklist/scripts/**"),
                                path(HttpMethod.GET, "/camunda/app/tasklist/styles/**"),
                                path(HttpMethod.GET, "/camunda/app/tasklist/locales/**"),
                                path(HttpMethod.GET, "/camunda/lib/**"), path(HttpMethod.GET, "/camunda/assets/**"),
                                path(HttpMethod.GET, "/camunda/api/tasklist/plugin/*/static/**"),
                                path(HttpMethod.GET, "/camunda/api/engine/engine/"),
                                path(HttpMethod.GET, "/camunda/favicon.ico"))
                        .permitAll()
                        .requestMatchers(WEBAPP_CHANGE_WITHOUT_TOKEN).denyAll()
                        // CVE-2026-77226: Admin's first-run setup creates an administrator while the
                        // camunda-admin group is empty, which it always is here. Nobody may reach it.
                        .requestMatchers(paths("/camunda/api/admin/setup/**")).denyAll()
                        // Camunda's own login for Cockpit, Admin and Welcome is never used; Tasklist's path is
                        // answered by TasklistLogin before this rule, and only with the webapps' CSRF token.
                        .requestMatchers(CAMUNDA_LOGIN).denyAll()
                        .requestMatchers(paths("/camunda/api/admin/auth/**")).authenticated()
                        // the admin area; which schools each admin may see is decided per request (AdministeredSchools)
                        .requestMatchers(paths("/cycles", "/cycles/**", "/admin", "/admin/**")).hasAuthority(EngineGroups.ADMINS)
                        // Cockpit: every admin, each seeing their own schools' reviews (the engine's tenant check)
                        .requestMatchers(paths("/camunda/app/cockpit/**", "/camunda/api/cockpit/**"))
                        .hasAuthority(EngineGroups.ADMINS)
                        // Camunda Admin (users, groups, tenants and authorizations of every school): the trust's admins
                        .requestMatchers(paths("/camunda/app/admin/**", "/camunda/api/admin/**"))
                        .hasAuthority(EngineGroups.TRUST_ADMINS)
                        .anyRequest().authenticated())
                .formLogin(login -> login
                        .loginPage("/login")
                        .successHandler(landing(taskFilters, webappTokens)))
                .addFilterAfter(TasklistLogin.filter(passwords, SecurityConfiguration::carriesWebappsCsrfToken, engine,
                        throttle, events, webappTokens), UsernamePasswordAuthenticationFilter.class)
                .logout(logout -> logout
                        .logoutRequestMatcher(new OrRequestMatcher(path(HttpMethod.POST, "/logout"), CAMUNDA_LOGOUT))
                        // by path alone: once logged out, the session that held the token is gone
                        .defaultLogoutSuccessHandlerFor(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.OK),
                                CAMUNDA_LOGOUT_PATH)
                        .defaultLogoutSuccessHandlerFor(loggedOut(), path(null, "/logout")))
                // The webapps' own CSRF protection (XSRF-TOKEN cookie, X-XSRF-TOKEN header) guards
                // /camunda/**; Spring's guards our pages (the login form) and /engine-rest.
                .csrf(csrf -> csrf.ignoringRequestMatchers(paths("/camunda/**")))
                .headers(ContentSecurityPolicy::ours)
                // The webapps call their API with XHR: answer 401 there, and let them send the
                // person to the login page, rather than redirecting an XHR to HTML.
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), webappApi)
                        .defaultAccessDeniedHandlerFor((request, response, denied) -> Refusal.send(request, response,
                                HttpStatus.FORBIDDEN.value(), "CsrfTokenMissing",
                                "This change did not come from ReviewCycle's own pages, so it was refused."),
                                WEBAPP_CHANGE_WITHOUT_TOKEN)
                        // every other refusal: the 403 error page (templates/error.html). Needed: with a
                        // single handler registered, Spring Security uses it for every request.
                        .defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), AnyRequestMatcher.INSTANCE))
                .build();
    }

    /** The X-XSRF-TOKEN header equals the token Camunda's CsrfPreventionFilter keeps in the session. */
    private static boolean carriesWebappsCsrfToken(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String sent = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
        return session != null && sent != null
                && session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME) instanceof String kept
                && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), kept.getBytes(StandardCharsets.UTF_8));
    }

    private static RequestMatcher path(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }

    /** Paths matched on the request URI, whichever servlet (Spring MVC, Camunda's Jersey) serves them. */
    private static RequestMatcher[] paths(String... patterns) {
        return Arrays.stream(patterns).map(p -> path(null, p)).toArray(RequestMatcher[]::new);
    }

    /**
     * Staff land where they were going, else on their own task list in Tasklist; a governor always on their
     * school's dashboard. The webapps' token from before the login is replaced (WebappCsrfTokens).
     */
    private static AuthenticationSuccessHandler landing(PersonalTaskFilters taskFilters, WebappCsrfTokens tokens) {
        var staff = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
                    Authentication authentication) {
                return taskFilters.landingOf(authentication.getName());
            }
        };
        var governors = new SimpleUrlAuthenticationSuccessHandler("/dashboard");
        governors.setAlwaysUseDefaultTargetUrl(true);
        return (request, response, authentication) -> {
            tokens.renew(request, response);
            (isGovernor(authentication) ? governors : staff).onAuthenticationSuccess(request, response, authentication);
        };
    }

    static boolean isGovernor(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> GovernorService.AUTHORITY.equals(a.getAuthority()));
    }

    private static SimpleUrlLogoutSuccessHandler loggedOut() {
        var handler = new SimpleUrlLogoutSuccessHandler();
        // Tasklist's page, which asks for the next login in place (tasklist.LoginInPlace): on a shared
        // computer the next person's login is the quick one, with Tasklist started behind the form
        handler.setDefaultTargetUrl(LoginPage.TASKLIST + "?" + LoginPage.LOGGED_OUT_PARAMETER);
        return handler;
    }

    /**
     * Tasklist, Cockpit and Admin take the person Spring Security logged in. Runs after Spring Security.
     * Camunda's filter answers 401 to anyone not logged in; Tasklist's page itself is let through to them,
     * with the login form on it (TasklistLogin).
     */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappSingleSignOn() {
        var trust = new AuthenticationTrustResolverImpl();
        var tasklistPage = path(HttpMethod.GET, LoginPage.TASKLIST);
        var registration = new FilterRegistrationBean<ContainerBasedAuthenticationFilter>(new ContainerBasedAuthenticationFilter() {
            @Override
            public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                    throws IOException, ServletException {
                if (tasklistPage.matches((HttpServletRequest) request)
                        && !trust.isAuthenticated(SecurityContextHolder.getContext().getAuthentication())) {
                    chain.doFilter(request, response);
                } else {
                    super.doFilter(request, response, chain);
                }
            }
        });
        registration.addInitParameter("authentication-provider", ContainerBasedAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        registration.setOrder(101);
        return registration;
    }

    /** {@code /engine-rest} works as the person Spring Security authenticated, with their groups. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addInitParameter("authentication-provider", ContainerBasedAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(102);
        return registration;
    }
}

package org.reviewcycle.tasklist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.reviewcycle.security.EndedLoginNotice;
import org.reviewcycle.security.LoginPage;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.HtmlUtils;

/**
 * Tasklist's page (our copy of its index.html) carries ReviewCycle's login form, shown only to someone
 * not logged in: for them this filter turns the page's {@code class="logged-in"} into
 * {@code class="logged-out"}. Tasklist then starts behind the form while the person types, and the
 * form logs them in through Tasklist itself (security.TasklistLogin), so that pressing "Log in" shows
 * their tasks without loading another page. Someone whose login was ended by a change (a new password
 * elsewhere, a role taken away) reads why above the form, as on the login page; someone who has just
 * logged out (a logout lands here, with {@code ?logout}) reads that they have. Runs after Spring
 * Security, which has decided who it is.
 */
@Configuration
class LoginInPlace {

    static final String LOGGED_IN = "<html lang=\"en\" class=\"logged-in\">";
    static final String LOGGED_OUT = "<html lang=\"en\" class=\"logged-out\">";
    /** Where the form says why someone's login was ended (security.SessionLogins), once, as the login page does. */
    static final String ENDED_HIDDEN = "<p class=\"message ended\" role=\"status\" hidden></p>";
    private static final String ENDED_SHOWN = "<p class=\"message ended\" role=\"status\">%s</p>";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> tasklistLoginInPlace() {
        var trust = new AuthenticationTrustResolverImpl();
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                return !"GET".equals(request.getMethod()) || !LoginPage.TASKLIST.equals(path)
                        || trust.isAuthenticated(SecurityContextHolder.getContext().getAuthentication());
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                var page = new ContentCachingResponseWrapper(response);
                chain.doFilter(request, page);
                String contentType = page.getContentType();
                if (contentType != null && contentType.startsWith("text/html")) {
                    String html = new String(page.getContentAsByteArray(), StandardCharsets.UTF_8)
                            .replace(LOGGED_IN, LOGGED_OUT);
                    String ended = EndedLoginNotice.take(request.getSession(false)); // shown, so said
                    if (ended == null && request.getParameter(LoginPage.LOGGED_OUT_PARAMETER) != null) {
                        // where a logout lands (security.SecurityConfiguration)
                        ended = LoginPage.LOGGED_OUT_SENTENCE;
                    }
                    if (ended != null) {
                        html = html.replace(ENDED_HIDDEN, ENDED_SHOWN.formatted(HtmlUtils.htmlEscape(ended)));
                    }
                    page.resetBuffer();
                    page.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
                }
                page.copyBodyToResponse();
            }
        });
        registration.addUrlPatterns("/camunda/app/tasklist/*");
        // after Spring Security (-100), before Camunda's filters, which write the page
        registration.setOrder(-50);
        return registration;
    }
}

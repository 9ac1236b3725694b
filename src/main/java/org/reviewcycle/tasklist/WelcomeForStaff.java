package org.reviewcycle.tasklist;

import java.io.IOException;

import org.reviewcycle.staff.EngineGroups;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Camunda's Welcome page is where Tasklist's "My profile" leads. For a member of staff it offers nothing that
 * works: its "Edit profile" and "Change password" write to the engine's directory, which is ReviewCycle's staff
 * and read-only to the engine, and its links are for admins. Staff are sent to their own profile (/me) instead,
 * where they can change their password. Admins keep Welcome: it is their way to Cockpit and Admin (its profile
 * links are hidden by styles/user-styles.css, and it links to /me too). Only the page is redirected, not the
 * files it loads. Runs after Spring Security, which has already turned away anyone not logged in.
 */
@Configuration
class WelcomeForStaff {

    static final String MY_PROFILE = "/me";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> welcomeSendsStaffToTheirProfile() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if ("GET".equals(request.getMethod()) && isThePage(request.getRequestURI())
                        && !isAdmin(SecurityContextHolder.getContext().getAuthentication())) {
                    response.sendRedirect(MY_PROFILE);
                    return;
                }
                chain.doFilter(request, response);
            }
        });
        registration.addUrlPatterns("/camunda/app/welcome/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /** The page itself (/camunda/app/welcome/default/), not the files it loads (scripts, styles: a dot in their name). */
    static boolean isThePage(String path) {
        return !path.substring(path.lastIndexOf('/') + 1).contains(".");
    }

    static boolean isAdmin(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> EngineGroups.ADMINS.equals(a.getAuthority()));
    }
}

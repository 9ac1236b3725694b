package org.reviewcycle.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database cannot be reached (it is restarting, or the network to it is down), every
 * request that needs it fails; here, in front of everything else but the body limit (Spring
 * Security, Camunda's filters, /engine-rest, the webapps, our pages), such a failure becomes
 * {@link DatabaseUnreachableAnswer}'s 503 "try again", never Spring Boot's 500 page. Nothing is
 * half written: each step is one transaction, which the lost connection rolls back (or which
 * committed whole just before). Camunda's REST API answers its exceptions itself before they
 * reach a filter ({@link DatabaseUnreachableMappers} gives the same answer there), and so does
 * Spring MVC ({@link DatabaseUnreachableResolver}).
 */
class DatabaseUnreachableFilter extends OncePerRequestFilter {

    private final DatabaseUnreachableAnswer answer;

    DatabaseUnreachableFilter(DatabaseUnreachableAnswer answer) {
        this.answer = answer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!DatabaseUnreachableAnswer.answers(e, response)) {
                throw e;
            }
            answer.write(request, response, e);
        }
    }
}

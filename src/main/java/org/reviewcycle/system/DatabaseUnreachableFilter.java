package org.reviewcycle.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.reviewcycle.common.DatabaseUnreachable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * While the database cannot be reached (it is restarting, or the network to it is down), every
 * request that needs it fails; here, in front of everything else but the body limit (Spring
 * Security, Camunda's filters, /engine-rest, the webapps, our pages), such a failure becomes 503
 * with {@code Retry-After} and the one sentence of {@link DatabaseUnreachable}: a short page
 * (templates/error/database.html) for a browser, JSON in the shape of Camunda's REST errors for
 * an API client, never Spring Boot's 500 page. Nothing is half written: each step is one
 * transaction, which the lost connection rolls back (or which committed whole just before).
 * Camunda's REST API answers its exceptions itself before they reach a filter;
 * {@link DatabaseUnreachableMappers} gives the same answer there.
 */
class DatabaseUnreachableFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnreachableFilter.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ITemplateEngine templates;

    DatabaseUnreachableFilter(ITemplateEngine templates) {
        this.templates = templates;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!DatabaseUnreachable.isCause(e) || response.isCommitted()) {
                throw e;
            }
            LOG.warn("{} {}: the database cannot be reached ({})", request.getMethod(), request.getRequestURI(),
                    rootCause(e).toString());
            answer(request, response);
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.reset();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", Integer.toString(DatabaseUnreachable.RETRY_AFTER_SECONDS));
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String body;
        if (wantsPage(request)) {
            response.setContentType("text/html");
            var page = new Context(Locale.UK);
            page.setVariable("sentence", DatabaseUnreachable.MESSAGE);
            body = templates.process("error/database", page);
        } else {
            response.setContentType("application/json");
            body = JSON.createObjectNode().put("type", DatabaseUnreachable.TYPE)
                    .put("message", DatabaseUnreachable.MESSAGE).toString();
        }
        // the output stream, not the writer: whoever had the response before may have taken the stream
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
        response.flushBuffer();
    }

    /** A browser asking for a page: not one of the APIs, and HTML accepted. */
    static boolean wantsPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String accept = request.getHeader("Accept");
        return !(path.startsWith("/engine-rest/") || path.startsWith("/api/") || path.startsWith("/camunda/api/"))
                && accept != null && accept.contains("text/html");
    }

    private static Throwable rootCause(Throwable thrown) {
        Throwable root = thrown;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}

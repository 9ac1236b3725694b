package org.reviewcycle.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.reviewcycle.common.DatabaseUnreachable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The answer to a request that failed because the database cannot be reached: 503 with
 * {@code Retry-After} and the one sentence of {@link DatabaseUnreachable}, as a short page
 * (templates/error/database.html) for a browser or as JSON in the shape of Camunda's REST errors
 * for an API client. Given by {@link DatabaseUnreachableFilter} around everything, and by
 * {@link DatabaseUnreachableResolver} inside Spring MVC, where the failure would otherwise be
 * taken for a client that went away.
 */
final class DatabaseUnreachableAnswer {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnreachableAnswer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ITemplateEngine templates;

    DatabaseUnreachableAnswer(ITemplateEngine templates) {
        this.templates = templates;
    }

    /** Whether {@code thrown} is answered here: the database is unreachable and nothing has been sent yet. */
    static boolean answers(Throwable thrown, HttpServletResponse response) {
        return DatabaseUnreachable.isCause(thrown) && !response.isCommitted();
    }

    void write(HttpServletRequest request, HttpServletResponse response, Throwable thrown) throws IOException {
        LOG.warn("{} {}: the database cannot be reached ({})", request.getMethod(), request.getRequestURI(),
                rootCause(thrown).toString());
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

package org.reviewcycle.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A refusal written before any controller or Camunda resource runs (a body too large, too many
 * failed logins): one sentence, as JSON in the shape Camunda's REST API gives its own errors
 * ({@code type}, {@code message}) to API clients and the webapps, as plain text to anyone else.
 */
final class Refusal {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Refusal() {
    }

    static void send(HttpServletRequest request, HttpServletResponse response, int status, String type, String sentence)
            throws IOException {
        response.setStatus(status);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String body = sentence;
        if (wantsJson(request)) {
            response.setContentType("application/json");
            body = JSON.createObjectNode().put("type", type).put("message", sentence).toString();
        } else {
            response.setContentType("text/plain");
        }
        // the output stream, not the writer: whoever had the response before may have taken the stream
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
        response.flushBuffer();
    }

    private static boolean wantsJson(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String accept = request.getHeader("Accept");
        return path.startsWith("/engine-rest/") || path.startsWith("/api/") || path.startsWith("/camunda/api/")
                || (accept != null && accept.contains("json"));
    }
}

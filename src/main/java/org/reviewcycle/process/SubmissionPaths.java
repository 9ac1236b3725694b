package org.reviewcycle.process;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.UriInfo;

/**
 * The REST paths on which a person completes a task with values: submit-form and complete, under
 * /engine-rest (default engine, or by name) and under the webapps' /camunda/api/engine/engine/{name}
 * that Tasklist calls. Paths are relative to their JAX-RS application.
 */
final class SubmissionPaths {

    private static final Pattern SUBMISSION = Pattern.compile("^/?(?:engine/([^/]+)/)?task/[^/]+/(?:submit-form|complete)/?$");

    private SubmissionPaths() {
    }

    static boolean isSubmission(UriInfo uri) {
        return uri != null && SUBMISSION.matcher(uri.getPath()).matches();
    }

    /** The engine the path names, or null for the default one. */
    static String engineName(UriInfo uri) {
        Matcher matcher = SUBMISSION.matcher(uri.getPath());
        return matcher.matches() ? matcher.group(1) : null;
    }
}

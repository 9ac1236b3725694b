package org.reviewcycle.process;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.UriInfo;

/**
 * The REST paths on which a person completes a task with values: submit-form and complete (and
 * the one on which a form reads its values: form-variables), under
 * /engine-rest (default engine, or by name) and under the webapps' /camunda/api/engine/engine/{name}
 * that Tasklist calls. Paths are relative to their JAX-RS application.
 */
final class SubmissionPaths {

    private static final Pattern SUBMISSION = Pattern.compile("^/?(?:engine/([^/]+)/)?task/[^/]+/(?:submit-form|complete)/?$");
    /** A task's form variables, which a Camunda Form in Tasklist reads when it opens. */
    private static final Pattern FORM_VARIABLES = Pattern.compile("^/?(?:engine/([^/]+)/)?task/([^/]+)/form-variables/?$");

    private SubmissionPaths() {
    }

    static boolean isSubmission(UriInfo uri) {
        return uri != null && SUBMISSION.matcher(uri.getPath()).matches();
    }

    /** The engine the path names, or null for the default one. */
    static String engineName(UriInfo uri) {
        Matcher matcher = SUBMISSION.matcher(uri.getPath());
        if (!matcher.matches()) {
            matcher = FORM_VARIABLES.matcher(uri.getPath());
        }
        return matcher.matches() ? matcher.group(1) : null;
    }

    /** The task whose form variables the path asks for; null for any other path. */
    static String formVariablesTask(UriInfo uri) {
        Matcher matcher = uri == null ? null : FORM_VARIABLES.matcher(uri.getPath());
        return matcher != null && matcher.matches() ? matcher.group(2) : null;
    }
}

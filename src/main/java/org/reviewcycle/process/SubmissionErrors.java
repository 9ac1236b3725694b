package org.reviewcycle.process;

import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.SuspendedEntityInteractionException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a person hears when a task submission (submit-form, complete) fails, on /engine-rest and
 * on Tasklist's own /camunda/api/engine. Camunda's TaskResourceImpl turns every engine exception
 * but an authorization failure into a 500 "Cannot submit task form {id}: ENGINE-03051 There was
 * an exception while invoking the TaskListener. Message: '...'"; these mappers, ahead of
 * Camunda's own for these two paths only, look through the causes instead:
 * <ul>
 * <li>a {@link RefusedSubmission} (our listener refused the input): 400 with its message;</li>
 * <li>no such task: 404; not the person's task: 403; someone else's change at the same moment,
 * or a suspended review: 409; each with a plain sentence;</li>
 * <li>anything else is a fault: 500 with a sentence that says nothing was saved, and the
 * exception in the log.</li>
 * </ul>
 * Tasklist recognises "No matching task" and "is suspended" in a message and shows its own text
 * for them, so those sentences keep these words.
 */
final class SubmissionErrors {

    private static final Logger LOG = LoggerFactory.getLogger(SubmissionErrors.class);

    /** Camunda's text: an ENGINE code, a Java class name, or the wording of its exceptions. */
    private static final Pattern ENGINE_TEXT = Pattern.compile(
            "ENGINE-\\d+|Cannot submit task form|Cannot complete task|\\b[a-z]+\\.[a-z]+\\.[A-Za-z.]*[A-Z]\\w*|"
                    + "\\w+Exception\\b|does not have|is null");

    /** Ahead of Camunda's mappers (which carry the default priority, USER). */
    static final int PRIORITY = 1000;

    private SubmissionErrors() {
    }

    static Response response(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            Response known = known(cause);
            if (known != null) {
                return known;
            }
        }
        LOG.error("A task submission failed", thrown);
        return Refusal.of(Response.Status.INTERNAL_SERVER_ERROR, "ProcessEngineException",
                "The form could not be saved because of a fault on the server, and nothing was saved: "
                        + "try again, and tell your administrator if it happens again");
    }

    private static Response known(Throwable cause) {
        String message = cause.getMessage() == null ? "" : cause.getMessage();
        if (cause instanceof RefusedSubmission) {
            return Refusal.badRequest(message);
        }
        if (cause instanceof AuthorizationException) {
            return Refusal.of(Response.Status.FORBIDDEN, "AuthorizationException", plain(message,
                    "You cannot submit this task: it is not assigned to you, and you may not work on it"));
        }
        if (cause instanceof NullValueException && message.contains("Cannot find task")) {
            return Refusal.of(Response.Status.NOT_FOUND, "InvalidRequestException",
                    "No matching task: it has been completed or withdrawn, so there is nothing to submit");
        }
        if (cause instanceof OptimisticLockingException) {
            return Refusal.of(Response.Status.CONFLICT, "InvalidRequestException",
                    "Someone else changed this task at the same moment, so nothing was saved: open it again and resubmit");
        }
        if (cause instanceof SuspendedEntityInteractionException) {
            return Refusal.of(Response.Status.CONFLICT, "InvalidRequestException",
                    "This review is suspended, so its task cannot be submitted until an administrator resumes it");
        }
        if (cause instanceof BadUserRequestException && !ENGINE_TEXT.matcher(message).find()) {
            // a refusal in a sentence of our own, such as the security guard's
            return Refusal.badRequest(message);
        }
        if (cause instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            return Refusal.of(Response.Status.fromStatusCode(web.getResponse().getStatus()), "InvalidRequestException",
                    web.getResponse().getStatus() == 415 ? "Send the form's values as JSON (Content-Type: application/json)"
                            : "The request was refused: " + web.getResponse().getStatusInfo().getReasonPhrase());
        }
        return null;
    }

    private static String plain(String message, String otherwise) {
        return message.isBlank() || ENGINE_TEXT.matcher(message).find() ? otherwise : message;
    }

    /** Maps for submissions only; every other path keeps Camunda's answer. */
    private abstract static class ForSubmissions<E extends Throwable> implements ExtendedExceptionMapper<E> {

        @Context
        private UriInfo uri;

        @Override
        public boolean isMappable(E exception) {
            return SubmissionPaths.isSubmission(uri);
        }

        @Override
        public Response toResponse(E exception) {
            return response(exception);
        }
    }

    /** TaskResourceImpl's wrapping of engine exceptions. */
    @Priority(PRIORITY)
    public static final class OfRest extends ForSubmissions<RestException> {
    }

    /** Authorization failures, which TaskResourceImpl lets through unwrapped. */
    @Priority(PRIORITY)
    public static final class OfEngine extends ForSubmissions<ProcessEngineException> {
    }

    /** Anything else: a fault, or Jersey's own refusals (415 and the like). */
    @Priority(PRIORITY)
    public static final class OfAnything extends ForSubmissions<Throwable> {
    }
}

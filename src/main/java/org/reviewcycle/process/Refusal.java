package org.reviewcycle.process;

import java.util.LinkedHashMap;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The answer to a task submission that is refused: the status and one plain sentence, in the
 * shape of the Camunda REST API's errors ({"type": ..., "message": ...}). Tasklist puts the
 * message into its pop-up as HTML (camunda-commons-ui's notifications bind it with
 * ng-bind-html), so the characters that make markup are written as entities: a value a person
 * typed, repeated in a message, is shown as text.
 */
final class Refusal {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Refusal() {
    }

    static Response of(Response.Status status, String type, String message) {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", type);
        body.put("message", sentence(message));
        try {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(JSON.writeValueAsString(body))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of two strings is always JSON", e);
        }
    }

    static Response badRequest(String message) {
        return of(Response.Status.BAD_REQUEST, "InvalidRequestException", message);
    }

    /** One sentence: stripped, ending with a full stop, with no markup. */
    static String sentence(String message) {
        String text = message == null || message.isBlank() ? "The request was refused" : message.strip();
        if (!text.endsWith(".") && !text.endsWith("?") && !text.endsWith("!")) {
            text += ".";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A value a person sent, repeated in a message: short. */
    static String quoted(String value) {
        return "'" + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "'";
    }
}

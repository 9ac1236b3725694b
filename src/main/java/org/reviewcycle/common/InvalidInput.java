package org.reviewcycle.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Bad input on a form, each problem named by the form field it belongs to, so that a page can show
 * the message beside the field (GOV.UK's error summary and field errors) and keep what was typed.
 * Where nothing catches it, it is a plain bad value: a 400 with every message (system.PageErrors).
 */
public class InvalidInput extends IllegalArgumentException {

    private final Map<String, String> fields;

    public InvalidInput(Map<String, String> fields) {
        super(String.join(" ", fields.values()));
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public static InvalidInput of(String field, String message) {
        return new InvalidInput(Map.of(field, message));
    }

    /** Field name to its message, in the order the form shows the fields. */
    public Map<String, String> fields() {
        return fields;
    }

    /**
     * Puts the problems ("errors": field to message) and what was typed ("form") into the page's
     * model, and answers 400: the form is shown again with each message beside its field.
     */
    public void showOn(Model model, Map<String, String> typed) {
        model.addAttribute("errors", fields);
        model.addAttribute("form", typed);
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                && request.getResponse() != null) {
            request.getResponse().setStatus(HttpStatus.BAD_REQUEST.value());
        }
    }

    /** Collects the problems of one form, so that all of them are shown at once. */
    public static final class Problems {

        private final Map<String, String> found = new LinkedHashMap<>();

        /** Records {@code message} for {@code field} unless the field has a problem already. */
        public Problems add(String field, String message) {
            found.putIfAbsent(field, message);
            return this;
        }

        /** The stripped text, or null with a problem for {@code field} when it is empty or too long. */
        public String text(String field, String label, String value, int maxLength) {
            if (value == null || value.isBlank()) {
                add(field, "Enter the " + label.toLowerCase());
                return null;
            }
            String text = value.strip();
            if (text.length() > maxLength) {
                add(field, label + " must be " + maxLength + " characters or fewer (it is " + text.length() + ")");
                return null;
            }
            return text;
        }

        public boolean has(String field) {
            return found.containsKey(field);
        }

        public void throwIfAny() {
            if (!found.isEmpty()) {
                throw new InvalidInput(found);
            }
        }
    }
}

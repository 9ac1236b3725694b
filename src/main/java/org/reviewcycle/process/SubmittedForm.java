package org.reviewcycle.process;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What Tasklist submitted for a task's form fields. Values of the wrong type are refused with a
 * message naming the field; lists arrive as {@code Json}. Whatever arrives is read without
 * deserializing Java objects, and Json no deeper than a form's lists go, so that no value can
 * make reading it fail in any other way than a refusal.
 */
final class SubmittedForm {

    /**
     * The forms' lists go three levels deep (a list of entries of fields, a checklist's numbers);
     * a value nested deeper than this is refused before it is read whole.
     */
    static final int MAX_JSON_DEPTH = 16;

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_JSON_DEPTH).build())
            .build());

    /** A submitted value that could not be read: refused, naming its field, when the field is read. */
    private record Unreadable(String why) {
    }

    private final Map<String, Object> values;

    private SubmittedForm(Map<String, Object> values) {
        this.values = values;
    }

    /** The form's fields as submitted: on the task where it prefilled them, else where the submission put them. */
    static SubmittedForm of(DelegateTask task, Collection<String> fields) {
        var values = new java.util.HashMap<String, Object>();
        for (String name : fields) {
            // not deserialized: a serialized Java object must not be turned back into one to be refused
            values.put(name, plain(task.getVariableTyped(name, false)));
        }
        return new SubmittedForm(values);
    }

    static SubmittedForm ofItem(Map<String, Object> item) {
        return new SubmittedForm(item);
    }

    String text(String key, String label) {
        Object value = read(key, label);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new IllegalArgumentException(label + " must be text, not " + describe(value));
    }

    boolean bool(String key, String label) {
        Object value = read(key, label);
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException(label + " must be yes or no, not " + describe(value));
    }

    Integer integer(String key, String label) {
        Object value = read(key, label);
        if (value == null) {
            return null;
        }
        // no bigger than the nine digits text may have: intValue() would clamp 1e300 and wrap a long
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && Math.abs(n.doubleValue()) <= 999_999_999) {
            return n.intValue();
        }
        if (value instanceof String s && s.strip().matches("\\d{1,9}")) {
            return Integer.valueOf(s.strip());
        }
        throw new IllegalArgumentException(label + " must be a whole number, not " + describe(value));
    }

    LocalDate date(String key, String label) {
        String text = text(key, label);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip().length() > 10 ? text.strip().substring(0, 10) : text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(label + " must be a date like 2027-03-10, not " + describe(text));
        }
    }

    /** The value as one of {@code type}'s constants, named by the form's option values. */
    <E extends Enum<E>> E choice(String key, String label, Class<E> type) {
        Object value = read(key, label);
        if (value == null || (value instanceof String s && s.isBlank())) {
            return null;
        }
        if (value instanceof String s) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(s.strip())) {
                    return constant;
                }
            }
        }
        throw new IllegalArgumentException(label + " must be one of "
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))
                + ", not " + describe(value));
    }

    /** A dynamic list: one form per entry. */
    List<SubmittedForm> list(String key, String label) {
        Object value = read(key, label);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> entries)) {
            throw new IllegalArgumentException(label + " must be a list, not " + describe(value));
        }
        var forms = new ArrayList<SubmittedForm>();
        for (int i = 0; i < entries.size(); i++) {
            if (!(entries.get(i) instanceof Map<?, ?> item)) {
                throw new IllegalArgumentException(label + ": entry " + (i + 1) + " must be a set of fields, not "
                        + describe(entries.get(i)));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) item;
            forms.add(ofItem(fields));
        }
        return forms;
    }

    /** A checklist: a list of option values. */
    List<Integer> integers(String key, String label) {
        Object value = read(key, label);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> entries)) {
            throw new IllegalArgumentException(label + " must be a list, not " + describe(value));
        }
        return entries.stream().map(entry -> ofItem(Map.of("v", entry == null ? "" : entry)).integer("v", label)).toList();
    }

    private Object read(String key, String label) {
        Object value = values.get(key);
        if (value instanceof Unreadable unreadable) {
            throw new IllegalArgumentException(label + ": " + unreadable.why());
        }
        return value;
    }

    private static Object plain(TypedValue typed) {
        if (typed == null) {
            return null;
        }
        if (typed instanceof SerializableValue serializable) {
            if (typed.getType() == null || !"json".equalsIgnoreCase(typed.getType().getName())) {
                return new Unreadable("send text, yes/no, a number or a list written as Json, not a serialized object");
            }
            String json = serializable.getValueSerialized();
            // a Json value set from a Spin node in this same command may not be written out yet
            return json(json == null && serializable.isDeserialized() && serializable.getValue() != null
                    ? serializable.getValue().toString() : json);
        }
        if (typed instanceof FileValue) {
            return new Unreadable("send text, yes/no, a number or a list written as Json, not a file");
        }
        return typed.getValue();
    }

    private static Object json(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, Object.class);
        } catch (StreamConstraintsException e) {
            return new Unreadable("the value is nested more than " + MAX_JSON_DEPTH + " levels deep, deeper than any form's list");
        } catch (JsonProcessingException e) {
            return new Unreadable("the value is not valid Json");
        }
    }

    private static String describe(Object value) {
        if (value instanceof Number) {
            return "the number " + value;
        }
        if (value instanceof Boolean) {
            return "yes/no";
        }
        if (value instanceof List) {
            return "a list";
        }
        if (value instanceof Map) {
            return "a set of fields";
        }
        if (value instanceof String text) {
            // a long value is not repeated back whole
            return "'" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'";
        }
        if (value instanceof java.util.Date) {
            return "a date and time";
        }
        if (value instanceof byte[]) {
            return "binary data";
        }
        return "a value of another kind";
    }
}

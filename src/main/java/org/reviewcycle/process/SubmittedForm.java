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
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What Tasklist submitted for a task's form fields. Values of the wrong type are refused with a
 * message naming the field; lists arrive as {@code Json}.
 */
final class SubmittedForm {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> values;

    private SubmittedForm(Map<String, Object> values) {
        this.values = values;
    }

    /** The form's fields as submitted: on the task where it prefilled them, else where the submission put them. */
    static SubmittedForm of(DelegateTask task, Collection<String> fields) {
        var values = new java.util.HashMap<String, Object>();
        for (String name : fields) {
            values.put(name, plain(task.getVariableTyped(name), name));
        }
        return new SubmittedForm(values);
    }

    static SubmittedForm ofItem(Map<String, Object> item) {
        return new SubmittedForm(item);
    }

    String text(String key, String label) {
        Object value = values.get(key);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new IllegalArgumentException(label + " must be text, not " + describe(value));
    }

    boolean bool(String key, String label) {
        Object value = values.get(key);
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException(label + " must be yes or no, not " + describe(value));
    }

    Integer integer(String key, String label) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
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
            throw new IllegalArgumentException(label + " must be a date like 2027-03-10, not '" + text + "'");
        }
    }

    /** The value as one of {@code type}'s constants, named by the form's option values. */
    <E extends Enum<E>> E choice(String key, String label, Class<E> type) {
        Object value = values.get(key);
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
        Object value = values.get(key);
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
        Object value = values.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> entries)) {
            throw new IllegalArgumentException(label + " must be a list, not " + describe(value));
        }
        return entries.stream().map(entry -> ofItem(Map.of("v", entry == null ? "" : entry)).integer("v", label)).toList();
    }

    private static Object plain(TypedValue typed, String name) {
        if (typed == null || typed.getValue() == null && !(typed instanceof SerializableValue)) {
            return null;
        }
        if (typed instanceof SerializableValue serializable && "json".equalsIgnoreCase(typed.getType().getName())) {
            String json = serializable.getValueSerialized();
            try {
                return json == null ? null : JSON.readValue(json, Object.class);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(name + " is not valid JSON");
            }
        }
        return typed.getValue();
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
        return "'" + value + "'";
    }
}

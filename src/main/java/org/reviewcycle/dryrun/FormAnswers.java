package org.reviewcycle.dryrun;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Answers to a Camunda Form (form-js JSON, as in forms/), worked out from the form itself, so that
 * a form the admin changed is answered as well: every input the person would see gets a value that
 * our listeners accept, the way Tasklist sends it (text as text, lists as Json). Prefilled values
 * are kept (a dynamic list's rows, as the planning meeting's returned objectives); a choice takes
 * its first option (the forms list the way forward first: approve, acknowledge, sign off, met, on
 * track); a choice from the task's options ({@code valuesKey}, as the school's priorities) takes
 * the first of them; a date is today's (an observation cannot be in the future); a box is ticked
 * where the form requires it and left clear otherwise.
 * A field the form hides ({@code conditional.hide}, a FEEL expression) is left out, as form-js
 * leaves it out: the hide condition is evaluated by the engine's own FEEL engine over the task's
 * variables and the answers given so far.
 */
final class FormAnswers {

    static final String TEXT = "Written for the dry run.";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> CHOICES = Set.of("radio", "select");
    private static final Set<String> MULTIPLE_CHOICES = Set.of("checklist", "taglist");

    private final FeelEngine feel;
    private final LocalDate today;

    FormAnswers(FeelEngine feel, LocalDate today) {
        this.feel = feel;
        this.today = today;
    }

    /** The values to submit for {@code form}, shown with the task's {@code variables} (Json already read). */
    Map<String, Object> answer(JsonNode form, Map<String, Object> variables) {
        var data = new HashMap<String, Object>(variables);
        var answers = new LinkedHashMap<String, Object>();
        fill(form.path("components"), data, answers);
        var submitted = new LinkedHashMap<String, Object>();
        answers.forEach((key, value) -> submitted.put(key, value instanceof List || value instanceof Map ? json(value) : value));
        return submitted;
    }

    private void fill(JsonNode components, Map<String, Object> data, Map<String, Object> answers) {
        for (JsonNode component : components) {
            if (hidden(component, data)) {
                continue;
            }
            String type = component.path("type").asText();
            if ("dynamiclist".equals(type)) {
                String path = component.path("path").asText(null);
                if (path != null) {
                    List<Map<String, Object>> rows = rows(data.get(path));
                    for (Map<String, Object> row : rows) {
                        var rowData = new HashMap<String, Object>(data);
                        rowData.putAll(row);
                        fill(component.path("components"), rowData, row);
                    }
                    answers.put(path, rows);
                    data.put(path, rows);
                }
            } else if (component.has("components")) {
                // a group: its fields are the form's own
                fill(component.path("components"), data, answers);
            } else if (component.hasNonNull("key")) {
                String key = component.get("key").asText();
                Object value = prefilled(data.get(key)) ? data.get(key) : value(component, type, data);
                if (value != null) {
                    answers.put(key, value);
                    data.put(key, value);
                }
            }
        }
    }

    private Object value(JsonNode component, String type, Map<String, Object> data) {
        JsonNode validate = component.path("validate");
        return switch (type) {
            case "textfield", "textarea" -> text(validate);
            case "number" -> validate.has("min") ? validate.get("min").numberValue() : 1;
            // the way forward: a box the form requires is ticked (I have read my review), any other
            // is left clear (I disagree with this review)
            case "checkbox" -> validate.path("required").asBoolean(false);
            case "datetime" -> switch (component.path("subtype").asText("date")) {
                case "time" -> "09:00";
                case "datetime" -> today + "T09:00";
                default -> today.toString();
            };
            default -> {
                if (CHOICES.contains(type)) {
                    yield firstOption(component, data);
                }
                if (MULTIPLE_CHOICES.contains(type)) {
                    Object first = firstOption(component, data);
                    yield first == null ? List.of() : List.of(first);
                }
                // text, tables, images, buttons: nothing to answer
                yield null;
            }
        };
    }

    private static String text(JsonNode validate) {
        int max = validate.path("maxLength").asInt(Integer.MAX_VALUE);
        int min = validate.path("minLength").asInt(0);
        String text = TEXT.repeat(Math.max(1, (min + TEXT.length() - 1) / TEXT.length()));
        return text.length() > max ? text.substring(0, max) : text;
    }

    /** The first of the component's options: its own values, or those of the task variable it names. */
    private static Object firstOption(JsonNode component, Map<String, Object> data) {
        JsonNode values = component.path("values");
        if (values.isArray() && !values.isEmpty()) {
            return JSON.convertValue(values.get(0).path("value"), Object.class);
        }
        String valuesKey = component.path("valuesKey").asText(null);
        if (valuesKey != null && data.get(valuesKey) instanceof List<?> options && !options.isEmpty()) {
            Object first = options.get(0);
            return first instanceof Map<?, ?> option ? option.get("value") : first;
        }
        return null;
    }

    private boolean hidden(JsonNode component, Map<String, Object> data) {
        String hide = component.path("conditional").path("hide").asText("");
        if (hide.isBlank()) {
            return false;
        }
        String expression = hide.startsWith("=") ? hide.substring(1) : hide;
        try {
            Object result = feel.evaluateSimpleExpression(expression, Variables.fromMap(data).asVariableContext());
            return Boolean.TRUE.equals(result);
        } catch (RuntimeException e) {
            // a condition FEEL cannot evaluate here: form-js would show the field, so it is answered
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Object prefilled) {
        var rows = new ArrayList<Map<String, Object>>();
        if (prefilled instanceof List<?> list) {
            list.stream().filter(Map.class::isInstance)
                    .forEach(row -> rows.add(new LinkedHashMap<>((Map<String, Object>) row)));
        }
        if (rows.isEmpty()) {
            rows.add(new LinkedHashMap<>());
        }
        return rows;
    }

    private static boolean prefilled(Object value) {
        return value != null && !(value instanceof String s && s.isBlank()) && !(value instanceof List<?> l && l.isEmpty());
    }

    private static Object json(Object value) {
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a form answer as Json", e);
        }
    }

    /** A task variable as the form reads it: Json (Spin) values as lists and maps. */
    static Object readable(Object value) {
        if (value instanceof org.camunda.spin.json.SpinJsonNode node) {
            try {
                return JSON.readValue(node.toString(), Object.class);
            } catch (JsonProcessingException e) {
                return null;
            }
        }
        return value;
    }
}

package org.reviewcycle.deploygate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a form (form-js JSON, as Tasklist renders it) may contain: the components of
 * {@link ModelAllowlist#FORM_COMPONENT_TYPES}, and fields whose keys our services read, which are
 * the keys of the shipped form of the same id. A form the cycle did not ship may show things but
 * ask for nothing: no service would read its answers, and they would land on the process as
 * variables (where the gateways' decisions are).
 */
final class FormRules {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ShippedModel shipped;

    FormRules(ShippedModel shipped) {
        this.shipped = shipped;
    }

    List<Refusal> check(byte[] content) {
        JsonNode form;
        try {
            form = JSON.readTree(content);
        } catch (JsonProcessingException e) {
            return List.of(Refusal.ofResource("the form is not JSON that can be read (line "
                    + e.getLocation().getLineNr() + ")"));
        } catch (java.io.IOException e) {
            return List.of(Refusal.ofResource("the form cannot be read"));
        }
        if (form == null || !form.isObject() || !form.path("id").isTextual() || !form.path("components").isArray()) {
            return List.of(Refusal.ofResource("this is not a Camunda Form: it needs an \"id\" and \"components\""));
        }
        String formId = form.get("id").asText();
        var refusals = new ArrayList<Refusal>();
        Set<String> known = shipped.formKeys(formId);
        checkComponents(form.get("components"), formId, known, refusals);
        return refusals;
    }

    private void checkComponents(JsonNode components, String formId, Set<String> known, List<Refusal> refusals) {
        for (JsonNode component : components) {
            String id = component.path("id").asText(formId);
            String type = component.path("type").asText("");
            if (!ModelAllowlist.FORM_COMPONENT_TYPES.contains(type)) {
                refusals.add(new Refusal(id, "the form component type '" + type + "' is not one a form may contain ("
                        + String.join(", ", new java.util.TreeSet<>(ModelAllowlist.FORM_COMPONENT_TYPES)) + ")"));
            }
            String key = keyOf(component);
            if (key != null && !known.contains(key)) {
                refusals.add(new Refusal(id, shipped.shipsForm(formId)
                        ? "the field key '" + key + "' is not one our services read from the form " + formId
                                + " (they read " + String.join(", ", new java.util.TreeSet<>(known)) + ")"
                        : "the form " + formId + " is not one of the cycle's forms, so no service reads its answers: "
                                + "it may show things but have no fields (key '" + key + "')"));
            }
            if (component.hasNonNull("source") && looksExternal(component.get("source").asText())) {
                refusals.add(new Refusal(id, "the component loads '" + component.get("source").asText()
                        + "' from outside the deployment"));
            }
            checkComponents(component.path("components"), formId, known, refusals);
        }
    }

    private static boolean looksExternal(String source) {
        String s = source.strip().toLowerCase(Locale.ROOT);
        return s.startsWith("http:") || s.startsWith("https:") || s.startsWith("//") || s.startsWith("file:");
    }

    /** The id of a form, if it is JSON with one. */
    static java.util.Optional<String> idOf(byte[] content) {
        try {
            JsonNode form = JSON.readTree(content);
            return form != null && form.path("id").isTextual() ? java.util.Optional.of(form.get("id").asText())
                    : java.util.Optional.empty();
        } catch (java.io.IOException e) {
            return java.util.Optional.empty();
        }
    }

    /** Every field key (and dynamic list or group path) of a form, at any depth. */
    static Set<String> keys(JsonNode form) {
        var keys = new LinkedHashSet<String>();
        collect(form.path("components"), keys);
        return keys;
    }

    private static void collect(JsonNode components, Set<String> keys) {
        for (JsonNode component : components) {
            String key = keyOf(component);
            if (key != null) {
                keys.add(key);
            }
            collect(component.path("components"), keys);
        }
    }

    private static String keyOf(JsonNode component) {
        if (component.hasNonNull("key")) {
            return component.get("key").asText();
        }
        return component.hasNonNull("path") ? component.get("path").asText() : null;
    }
}

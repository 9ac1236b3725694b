package org.reviewcycle.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A person's work on one review through {@code /engine-rest}, as Tasklist does it: find the task
 * (assigned, or offered to a group and claimed), read its form variables serialized, submit the
 * form with lists as Json. Every call asserts that the API said yes.
 */
public final class EngineRest {

    public static final String REST = "/engine-rest";
    static final ObjectMapper JSON = new ObjectMapper();

    private final String businessKey;

    /** The review whose process instance has {@code businessKey} (the review id). */
    public EngineRest(String businessKey) {
        this.businessKey = businessKey;
    }

    /** The one task of this review assigned to {@code username}, found as Tasklist's "assigned to me" does. */
    public JsonNode assignedTask(WebSession session, String username, String expectedKey) {
        var found = tasks(session, "processInstanceBusinessKey=" + businessKey + "&assignee=" + encode(username));
        assertThat(found).as("%s's tasks in review %s", username, businessKey).hasSize(1);
        assertThat(found.get(0).get("taskDefinitionKey").asText()).isEqualTo(expectedKey);
        return found.get(0);
    }

    /** The one task of this review offered to {@code group}, claimed by {@code username}. */
    public JsonNode offeredTask(WebSession session, String username, String group, String expectedKey) {
        var found = tasks(session, "processInstanceBusinessKey=" + businessKey + "&candidateGroup=" + encode(group));
        assertThat(found).as("tasks of review %s offered to %s", businessKey, group).hasSize(1);
        JsonNode task = found.get(0);
        assertThat(task.get("taskDefinitionKey").asText()).isEqualTo(expectedKey);
        assertThat(task.get("assignee").isNull()).isTrue();
        var claimed = session.postJson(REST + "/task/" + task.get("id").asText() + "/claim",
                JSON.createObjectNode().put("userId", username).toString());
        assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(204);
        return task;
    }

    public static JsonNode tasks(WebSession session, String query) {
        JsonNode list = ok(session.get(REST + "/task?" + query + "&firstResult=0&maxResults=50"));
        assertThat(list.isArray()).isTrue();
        return list;
    }

    /**
     * Each variable as the REST API gives it: {"type": ..., "value": ..., "valueInfo": ...}. Asked for
     * serialized, as Tasklist asks: deserialized (the API's default), a Json value comes back as the
     * properties of Spin's node object, not as the JSON it holds.
     */
    public static Map<String, JsonNode> formVariables(WebSession session, JsonNode task) {
        JsonNode variables = ok(session.get(REST + "/task/" + task.get("id").asText()
                + "/form-variables?deserializeValues=false"));
        return JSON.convertValue(variables, new TypeReference<Map<String, JsonNode>>() {
        });
    }

    /** A list the form shows, which arrives as Json: its value is the list written as a string. */
    public static List<Map<String, Object>> list(Map<String, JsonNode> form, String name) {
        JsonNode variable = form.get(name);
        assertThat(variable).as(name).isNotNull();
        assertThat(variable.get("type").asText()).as(name).isEqualTo("Json");
        try {
            return JSON.readValue(variable.get("value").asText(), new TypeReference<List<Map<String, Object>>>() {
            });
        } catch (JsonProcessingException e) {
            throw new AssertionError(name + " is not a JSON list: " + variable, e);
        }
    }

    public static void submit(WebSession session, JsonNode task, Submission submission) {
        var response = session.postJson(REST + "/task/" + task.get("id").asText() + "/submit-form", submission.toJson());
        assertThat(response.statusCode()).as("submitting %s: %s", task.get("taskDefinitionKey").asText(), response.body())
                .isEqualTo(204);
    }

    public static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try {
            return JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new AssertionError("Not JSON: " + response.body(), e);
        }
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** An objective as the planning meeting's form sends it. */
    public static Map<String, Object> objective(String title, String priority, String successCriteria) {
        var objective = new java.util.LinkedHashMap<String, Object>();
        objective.put("title", title);
        objective.put("priorityCode", priority);
        objective.put("successCriteria", successCriteria);
        objective.put("evidence", "Pupils' books, moderation notes");
        objective.put("cpdSupport", "Coaching from the literacy lead");
        objective.put("joint", false);
        return objective;
    }

    /** The body of submit-form, typed as Tasklist types it: lists as Json, written as a string. */
    public static final class Submission {
        final ObjectNode variables = JSON.createObjectNode();

        /** The body of submit-form: {"variables": {...}}. */
        public String toJson() {
            return JSON.createObjectNode().set("variables", variables).toString();
        }

        public Submission text(String key, String value) {
            variables.putObject(key).put("value", value).put("type", "String");
            return this;
        }

        public Submission bool(String key, boolean value) {
            variables.putObject(key).put("value", value).put("type", "Boolean");
            return this;
        }

        public Submission json(String key, Object list) {
            try {
                variables.putObject(key).put("value", JSON.writeValueAsString(list)).put("type", "Json");
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return this;
        }
    }
}

package org.reviewcycle.process;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.dto.VariableValueDto;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.camunda.bpm.engine.rest.util.EngineUtil;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the body of a task submission (submit-form, complete) before Camunda's REST resource
 * does, and refuses, with a sentence naming the field, what that resource would answer with a
 * 500, a Java class name or an empty message: a body that is not JSON or is nested without
 * end, a field sent as null or as a bare list, a value that is not of the type it is sent as,
 * and the value types no form sends (serialized Java objects, files, bytes, XML). The value
 * conversion is Camunda's own ({@link VariableValueDto#toTypedValue}), tried field by field so
 * that a failure can name its field. What passes is handed on unchanged.
 */
@Priority(Priorities.USER)
public final class SubmissionRequests implements ContainerRequestFilter {

    /** A submission is {"variables": {"field": {"value": ..., "type": ..., "valueInfo": {...}}}}. */
    static final int MAX_DEPTH = 8;

    /** The types Tasklist and the forms send (Camunda's REST names, compared without case). */
    private static final Set<String> FORM_TYPES = Set.of("string", "boolean", "integer", "long", "short", "double",
            "date", "null", "json");

    private static final ObjectMapper BODY = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build());

    /** The REST API's own mapper, so that values convert exactly as the resource converts them. */
    private static final ObjectMapper CAMUNDA = JacksonConfigurator.configureObjectMapper(new ObjectMapper());

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (!"POST".equals(request.getMethod()) || !SubmissionPaths.isSubmission(request.getUriInfo())) {
            return;
        }
        // a body is what its Content-Length says: none when it says 0
        byte[] body = request.hasEntity() && request.getLength() != 0 ? request.getEntityStream().readAllBytes()
                : new byte[0];
        request.setEntityStream(new ByteArrayInputStream(body));
        String refusal = refusal(body, SubmissionPaths.engineName(request.getUriInfo()));
        if (refusal != null) {
            request.abortWith(Refusal.badRequest(refusal));
        }
    }

    private static String refusal(byte[] body, String engineName) {
        if (body.length == 0) {
            return "The request has no body: send the form's values as a JSON object, {\"variables\": {...}}";
        }
        JsonNode root;
        try {
            root = BODY.readTree(body);
        } catch (StreamConstraintsException e) {
            return "The request body is nested more than " + MAX_DEPTH + " levels deep, deeper than a form's values go";
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            return "The request body is not valid JSON" + (at == null ? ""
                    : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
        } catch (IOException e) {
            return "The request body could not be read";
        }
        if (root == null || root.isMissingNode()) {
            return "The request has no body: send the form's values as a JSON object, {\"variables\": {...}}";
        }
        if (!root.isObject()) {
            return "The request body must be a JSON object that holds the form's values under \"variables\"";
        }
        JsonNode returned = root.get("withVariablesInReturn");
        if (returned != null && !returned.isNull() && !returned.isBoolean()) {
            return "\"withVariablesInReturn\" must be true or false";
        }
        JsonNode variables = root.get("variables");
        if (variables == null || variables.isNull()) {
            return null;
        }
        if (!variables.isObject()) {
            return "\"variables\" must be a JSON object that holds each field's value";
        }
        ProcessEngine engine = null;
        for (Iterator<Map.Entry<String, JsonNode>> fields = variables.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (engine == null) {
                engine = EngineUtil.lookupProcessEngine(engineName);
            }
            String refused = refusal(Refusal.quoted(field.getKey()), field.getValue(), engine);
            if (refused != null) {
                return refused;
            }
        }
        return null;
    }

    private static String refusal(String name, JsonNode field, ProcessEngine engine) {
        if (!field.isObject()) {
            return "The field " + name + " must be sent as {\"value\": ..., \"type\": ...}, not as "
                    + (field.isNull() ? "null" : field.isArray() ? "a list" : "a bare value");
        }
        JsonNode type = field.get("type");
        JsonNode value = field.get("value");
        JsonNode valueInfo = field.get("valueInfo");
        if (type != null && !type.isNull() && !type.isTextual()) {
            return "The field " + name + " has a type that is not a name such as \"String\"";
        }
        if (valueInfo != null && !valueInfo.isNull() && !valueInfo.isObject()) {
            return "The field " + name + " has a valueInfo that is not a JSON object";
        }
        String typeName = type == null || type.isNull() ? null : type.asText();
        if (typeName == null) {
            if (value != null && value.isContainerNode()) {
                return "The field " + name + " holds a list or an object: send it as Json, written as a string";
            }
            return null;
        }
        if (!FORM_TYPES.contains(typeName.toLowerCase(Locale.ROOT))) {
            return "The field " + name + " is sent as " + Refusal.quoted(typeName)
                    + ", which no form sends: use String, Boolean, Integer, Long, Double, Date or Json";
        }
        if ("json".equalsIgnoreCase(typeName) && value != null && !value.isNull() && !value.isTextual()) {
            return "The field " + name + " is sent as Json, so its value must be the JSON written as a string";
        }
        try {
            var dto = new VariableValueDto();
            dto.setType(typeName);
            dto.setValue(value == null ? null : CAMUNDA.treeToValue(value, Object.class));
            dto.setValueInfo(valueInfo == null || valueInfo.isNull() ? null
                    : CAMUNDA.convertValue(valueInfo, new TypeReference<Map<String, Object>>() {
                    }));
            dto.toTypedValue(engine, CAMUNDA);
            return null;
        } catch (JsonProcessingException | RuntimeException e) {
            return "The field " + name + " is sent as " + typeName + ", but its value "
                    + (value == null ? "" : Refusal.quoted(value.isTextual() ? value.asText() : value.toString()) + " ")
                    + "is not of that type";
        }
    }
}

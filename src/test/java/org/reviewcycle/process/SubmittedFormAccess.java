package org.reviewcycle.process;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a Json task variable (as the forms receive it) into plain lists and maps, for tests. */
final class SubmittedFormAccess {

    private SubmittedFormAccess() {
    }

    static List<?> list(Object jsonVariable) {
        try {
            String json = jsonVariable.toString();
            return new ObjectMapper().readValue(json, List.class);
        } catch (Exception e) {
            throw new IllegalStateException("Not a JSON list: " + jsonVariable, e);
        }
    }

    static Map<?, ?> map(Object jsonVariable) {
        try {
            return new ObjectMapper().readValue(jsonVariable.toString(), Map.class);
        } catch (Exception e) {
            throw new IllegalStateException("Not a JSON object: " + jsonVariable, e);
        }
    }
}

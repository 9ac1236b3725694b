package org.reviewcycle.school;

import java.util.Map;

/**
 * A cycle's dates were refused: each sentence is keyed by the ReviewCycle field it is about
 * ({@code midYearCheckFrom}), so that a form shows it beside that field. The message joins them.
 */
public class CycleDatesRefused extends IllegalArgumentException {

    private final Map<String, String> errors;

    public CycleDatesRefused(Map<String, String> errors) {
        super(String.join(" ", errors.values()));
        this.errors = Map.copyOf(errors);
    }

    public Map<String, String> errors() {
        return errors;
    }
}

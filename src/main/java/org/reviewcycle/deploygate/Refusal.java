package org.reviewcycle.deploygate;

import java.util.List;

import org.camunda.bpm.engine.Problem;

/**
 * One reason a resource is refused: what is wrong, and the id of the element it is wrong in (the
 * resource itself when there is none). /engine-rest sends it as one of the errors of the
 * resource's report, where Camunda Modeler shows it.
 */
record Refusal(String elementId, String reason) implements Problem {

    /** A refusal of the whole resource, not of one element in it. */
    static Refusal ofResource(String reason) {
        return new Refusal(null, reason);
    }

    @Override
    public String getMessage() {
        return elementId == null ? reason : elementId + ": " + reason;
    }

    @Override
    public int getLine() {
        return 0;
    }

    @Override
    public int getColumn() {
        return 0;
    }

    @Override
    public String getMainElementId() {
        return elementId;
    }

    @Override
    public List<String> getElementIds() {
        return elementId == null ? List.of() : List.of(elementId);
    }
}

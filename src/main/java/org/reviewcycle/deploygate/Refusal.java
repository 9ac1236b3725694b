package org.reviewcycle.deploygate;

import java.util.List;

import org.camunda.bpm.engine.Problem;
import org.w3c.dom.Element;

/**
 * One reason a resource is refused: what is wrong, and the id of the element it is wrong in (the
 * resource itself when there is none). /engine-rest sends it as one of the errors of the
 * resource's report, where Camunda Modeler shows it.
 */
record Refusal(String elementId, String reason, int line, int column) implements Problem {

    Refusal(String elementId, String reason) {
        this(elementId, reason, 0, 0);
    }

    /** A refusal of the whole resource, not of one element in it. */
    static Refusal ofResource(String reason) {
        return new Refusal(null, reason);
    }

    /** A refusal of {@code element} (named by its id, or its nearest ancestor's), where it starts in the file. */
    static Refusal at(Element element, String reason) {
        return new Refusal(Namespaces.idOf(element), reason, SafeXml.lineOf(element), SafeXml.columnOf(element));
    }

    @Override
    public String getMessage() {
        return elementId == null ? reason : elementId + ": " + reason;
    }

    @Override
    public int getLine() {
        return line;
    }

    @Override
    public int getColumn() {
        return column;
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

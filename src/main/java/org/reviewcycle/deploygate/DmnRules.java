package org.reviewcycle.deploygate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What a DMN model may contain: FEEL and nothing else as expression language, wherever one can be
 * named (the definitions, a decision table's input expressions, input and output entries, literal
 * expressions); no imports; only the Camunda settings of {@link ModelAllowlist}; every decision
 * with a history time-to-live. JUEL, JavaScript, Groovy and the like run code on the server; FEEL
 * as Camunda runs it cannot call Java.
 */
final class DmnRules {

    List<Refusal> check(Document model) {
        var refusals = new ArrayList<Refusal>();
        walk(model.getDocumentElement(), refusals);
        return refusals;
    }

    private void walk(Element element, List<Refusal> refusals) {
        String name = element.getLocalName();
        if ("import".equals(name)) {
            refusals.add(Refusal.at(element, "import reads a model from outside the deployment"));
        }
        if ("decision".equals(name) && element.getAttributeNS(Namespaces.CAMUNDA_DMN, "historyTimeToLive").isBlank()) {
            refusals.add(Refusal.at(element, "the decision has no history time-to-live (camunda:historyTimeToLive, in days)"));
        }
        var attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String attributeName = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
            if ("expressionLanguage".equals(attributeName)
                    && !ModelAllowlist.FEEL.contains(attribute.getValue().strip().toLowerCase(Locale.ROOT))
                    && !ModelAllowlist.FEEL.contains(attribute.getValue().strip())) {
                refusals.add(Refusal.at(element, name + " is written in '" + attribute.getValue()
                        + "'; a decision may only use FEEL, which cannot run code on the server"));
            } else if (Namespaces.isCamunda(attribute.getNamespaceURI())
                    && !ModelAllowlist.DMN_CAMUNDA_ATTRIBUTES.contains(attributeName)) {
                refusals.add(Refusal.at(element, "camunda:" + attributeName + " is not one of the settings a decision may contain"));
            }
        }
        if (Namespaces.isCamunda(element.getNamespaceURI())) {
            refusals.add(Refusal.at(element, "camunda:" + name + " is not one of the settings a decision may contain"));
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element inner) {
                walk(inner, refusals);
            }
        }
    }
}

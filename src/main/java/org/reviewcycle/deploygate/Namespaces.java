package org.reviewcycle.deploygate;

import org.w3c.dom.Element;

/** The XML namespaces the gate reads, and how to name an element in a refusal. */
final class Namespaces {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String CAMUNDA_BPMN = "http://camunda.org/schema/1.0/bpmn";
    /** Camunda 7 still reads extensions in the namespace of Activiti, its ancestor. */
    static final String ACTIVITI_BPMN = "http://activiti.org/bpmn";
    static final String CAMUNDA_DMN = "http://camunda.org/schema/1.0/dmn";

    private Namespaces() {
    }

    static boolean isCamunda(String namespace) {
        return CAMUNDA_BPMN.equals(namespace) || ACTIVITI_BPMN.equals(namespace) || CAMUNDA_DMN.equals(namespace);
    }

    /** The id of the element, or of the nearest one around it that has one. */
    static String idOf(Element element) {
        for (var node = element; node != null; node = node.getParentNode() instanceof Element parent ? parent : null) {
            if (node.hasAttribute("id") && !node.getAttribute("id").isBlank()) {
                return node.getAttribute("id");
            }
        }
        return null;
    }

    /** The element's name as the model writes it, e.g. camunda:taskListener. */
    static String nameOf(Element element) {
        String prefix = Namespaces.isCamunda(element.getNamespaceURI()) ? "camunda:"
                : BPMN.equals(element.getNamespaceURI()) ? "bpmn:" : "";
        return prefix + element.getLocalName();
    }
}

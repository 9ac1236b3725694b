package org.reviewcycle.deploygate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What a BPMN model may contain: no script anywhere (tasks, listeners, conditions), no Java class,
 * no connector, nothing outside the deployment (imports, external resources, embedded or external
 * forms), only the Camunda settings of {@link ModelAllowlist}, expressions as {@link ExpressionRules}
 * allows, delegate expressions naming our own delegates and listeners; every process with a history
 * time-to-live, every form bound to the deployment; and the user tasks our listeners serve as the
 * shipped model has them.
 */
final class BpmnRules {

    private final Beans beans;
    private final ExpressionRules expressions;
    private final ShippedModel shipped;

    BpmnRules(Beans beans, ExpressionRules expressions, ShippedModel shipped) {
        this.beans = beans;
        this.expressions = expressions;
        this.shipped = shipped;
    }

    /** Why {@code model} may not be deployed beside the forms of {@code formIds}. */
    List<Refusal> check(Document model, Set<String> formIds) {
        var refusals = new ArrayList<Refusal>();
        walk(model.getDocumentElement(), formIds, refusals);
        checkServedTasks(model, refusals);
        return refusals;
    }

    private void walk(Element element, Set<String> formIds, List<Refusal> refusals) {
        checkElement(element, refusals);
        var attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            checkAttribute(element, (Attr) attributes.item(i), formIds, refusals);
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element inner) {
                walk(inner, formIds, refusals);
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                expressions.refusal(child.getNodeValue()).ifPresent(reason ->
                        refusals.add(Refusal.at(element, "in " + Namespaces.nameOf(element) + ", " + reason)));
            }
        }
    }

    private void checkElement(Element element, List<Refusal> refusals) {
        String namespace = element.getNamespaceURI();
        String name = element.getLocalName();
        if (Namespaces.ACTIVITI_BPMN.equals(namespace)) {
            refusals.add(Refusal.at(element, "uses activiti:" + name + "; Camunda settings are written camunda:..."));
        } else if (Namespaces.BPMN.equals(namespace)) {
            switch (name) {
                case "scriptTask" -> refusals.add(Refusal.at(element, "a script task runs code on the server; "
                        + "a model may not contain one (use a service task with one of our delegates)"));
                case "import" -> refusals.add(Refusal.at(element, "bpmn:import reads a file from outside the deployment"));
                case "process" -> {
                    if (!"false".equals(element.getAttribute("isExecutable"))
                            && element.getAttributeNS(Namespaces.CAMUNDA_BPMN, "historyTimeToLive").isBlank()) {
                        refusals.add(Refusal.at(element, "the process has no history time-to-live "
                                + "(camunda:historyTimeToLive, in days): how long its history is kept must be set"));
                    }
                }
                default -> {
                    // other BPMN elements are checked by their attributes and text
                }
            }
            if (element.hasAttribute("language") || element.hasAttribute("scriptFormat")) {
                refusals.add(Refusal.at(element, "bpmn:" + name + " is written in the script language '"
                        + element.getAttribute("language") + element.getAttribute("scriptFormat")
                        + "', and scripts run code on the server; write an expression (${...}) instead"));
            }
            if (element.hasAttribute("implementation") && !"##unspecified".equals(element.getAttribute("implementation"))) {
                refusals.add(Refusal.at(element, "bpmn:" + name + " has implementation '" + element.getAttribute("implementation")
                        + "', a web service outside the deployment"));
            }
        } else if (Namespaces.CAMUNDA_BPMN.equals(namespace)) {
            if (!ModelAllowlist.BPMN_CAMUNDA_ELEMENTS.containsKey(name)) {
                refusals.add(Refusal.at(element, camundaElementReason(name)));
            }
        }
    }

    private static String camundaElementReason(String name) {
        return switch (name) {
            case "script" -> "camunda:script runs code on the server; a model may not contain scripts";
            case "connector" -> "camunda:connector calls other systems from the server; a model may not contain connectors";
            case "field" -> "camunda:field injects values into a Java class; a model may only name our own delegates";
            case "formData", "formField" -> "camunda:" + name + " makes a generated form; use a Camunda Form "
                    + "(camunda:formRef) bound to the deployment";
            case "in", "out" -> "camunda:" + name + " passes variables to or from another process";
            default -> "camunda:" + name + " is not one of the settings a model may contain";
        };
    }

    private void checkAttribute(Element element, Attr attribute, Set<String> formIds, List<Refusal> refusals) {
        String elementName = element.getLocalName();
        String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
        String value = attribute.getValue();
        if (Namespaces.ACTIVITI_BPMN.equals(attribute.getNamespaceURI())) {
            // the engine reads these as it reads camunda:..., so they would slip past the rules below
            refusals.add(Refusal.at(element, "uses activiti:" + name + "; Camunda settings are written camunda:..."));
            return;
        }
        boolean onCamundaElement = Namespaces.CAMUNDA_BPMN.equals(element.getNamespaceURI());
        boolean camundaSetting = Namespaces.CAMUNDA_BPMN.equals(attribute.getNamespaceURI())
                || (onCamundaElement && attribute.getNamespaceURI() == null);
        if (!camundaSetting) {
            if (!"http://www.w3.org/2000/xmlns/".equals(attribute.getNamespaceURI())) {
                expressions.refusal(value).ifPresent(reason -> refusals.add(Refusal.at(element, name + ": " + reason)));
            }
            return;
        }
        String shown = "camunda:" + (onCamundaElement ? elementName + " " + name : name);
        Set<String> allowed = onCamundaElement ? ModelAllowlist.BPMN_CAMUNDA_ELEMENTS.getOrDefault(elementName, Set.of())
                : ModelAllowlist.BPMN_CAMUNDA_ATTRIBUTES;
        if (!allowed.contains(name)) {
            refusals.add(Refusal.at(element, camundaAttributeReason(shown, name)));
            return;
        }
        switch (name) {
            case "delegateExpression" -> checkDelegate(element, value, refusals);
            case "formRefBinding" -> {
                if (!"deployment".equals(value)) {
                    refusals.add(Refusal.at(element, "camunda:formRefBinding is '" + value + "'; forms must be bound to the "
                            + "deployment (\"deployment\"), never \"latest\" or a version, so that a running review "
                            + "keeps the forms it started with"));
                }
            }
            case "formRef" -> {
                if (!element.hasAttributeNS(Namespaces.CAMUNDA_BPMN, "formRefBinding")) {
                    refusals.add(Refusal.at(element, "camunda:formRef '" + value + "' has no camunda:formRefBinding; "
                            + "without one the engine takes the latest form, and forms must be bound to the deployment"));
                }
                if (!formIds.contains(value)) {
                    refusals.add(Refusal.at(element, "the form " + value + " is not in this deployment; a form bound to the "
                            + "deployment must be deployed with its model (add " + value + ".form; a deployment of "
                            + "changed files only leaves unchanged forms out)"));
                }
                expressions.refusal(value).ifPresent(reason -> refusals.add(Refusal.at(element, shown + ": " + reason)));
            }
            default -> expressions.refusal(value).ifPresent(reason -> refusals.add(Refusal.at(element, shown + ": " + reason)));
        }
    }

    private static String camundaAttributeReason(String shown, String name) {
        return switch (name) {
            case "class" -> shown + " names a Java class to run on the server; a model may only name our own "
                    + "delegates and listeners (camunda:delegateExpression=\"${...}\")";
            case "resource" -> shown + " reads a file from outside the model; a model may not use external resources";
            case "formKey" -> shown + " shows an embedded or external form; use camunda:formRef with "
                    + "camunda:formRefBinding=\"deployment\"";
            case "type", "topic" -> shown + " makes an external task; a model may only use our own delegates";
            default -> shown + " is not one of the settings a model may contain";
        };
    }

    private void checkDelegate(Element element, String value, List<Refusal> refusals) {
        var bean = ExpressionRules.beanOnly(value);
        if (bean.isEmpty()) {
            refusals.add(Refusal.at(element, "camunda:delegateExpression '" + value + "' must name one of our beans, "
                    + "as ${beanName}, and nothing else"));
            return;
        }
        Class<?> needed = switch (element.getLocalName()) {
            case "taskListener" -> TaskListener.class;
            case "executionListener" -> ExecutionListener.class;
            default -> JavaDelegate.class;
        };
        Class<?> type = beans.typeOf(bean.get()).orElse(null);
        boolean ours = type != null && type.getName().startsWith(ModelAllowlist.OUR_PACKAGE);
        boolean fits = type != null && (needed.isAssignableFrom(type)
                || (needed == ExecutionListener.class && JavaDelegate.class.isAssignableFrom(type)));
        if (!ours || !fits) {
            refusals.add(Refusal.at(element, "camunda:delegateExpression names " + bean.get() + ", which is not one of our "
                    + (needed == TaskListener.class ? "task listeners" : needed == ExecutionListener.class
                            ? "execution listeners" : "delegates")));
            return;
        }
        var served = shipped.servedTasks().get(bean.get());
        if (served != null && "taskListener".equals(element.getLocalName())) {
            String task = element.getParentNode() == null || !(element.getParentNode().getParentNode() instanceof Element owner)
                    ? null : owner.getAttribute("id");
            if (!served.taskId().equals(task)) {
                refusals.add(Refusal.at(element, bean.get() + " serves " + served.taskId() + " (form " + served.formRef()
                        + ") and no other task"));
            }
        }
    }

    /** The user tasks our listeners serve, in every process of the shipped model's id this model holds. */
    private void checkServedTasks(Document model, List<Refusal> refusals) {
        Map<String, Element> processes = new HashMap<>();
        var list = model.getElementsByTagNameNS(Namespaces.BPMN, "process");
        for (int i = 0; i < list.getLength(); i++) {
            Element process = (Element) list.item(i);
            processes.put(process.getAttribute("id"), process);
        }
        for (var served : shipped.servedTasks().values()) {
            Element process = processes.get(served.processId());
            if (process != null) {
                checkServedTask(process, served, refusals);
            }
        }
    }

    private static void checkServedTask(Element process, ShippedModel.ServedTask served, List<Refusal> refusals) {
        Element task = byId(process, served.taskId());
        String what = served.taskId() + ", which " + served.listener() + " serves";
        if (task == null || !Namespaces.BPMN.equals(task.getNamespaceURI()) || !"userTask".equals(task.getLocalName())) {
            refusals.add(Refusal.at(task == null ? process : task,
                    "the process must keep the user task " + what + (task == null ? "" : " (it is a "
                            + task.getLocalName() + " here)")));
            return;
        }
        var events = new TreeSet<String>();
        var listeners = task.getElementsByTagNameNS(Namespaces.CAMUNDA_BPMN, "taskListener");
        for (int i = 0; i < listeners.getLength(); i++) {
            Element listener = (Element) listeners.item(i);
            if (ExpressionRules.beanOnly(listener.getAttribute("delegateExpression")).filter(served.listener()::equals).isPresent()) {
                events.add(listener.getAttribute("event"));
            }
        }
        if (!events.containsAll(served.events())) {
            refusals.add(Refusal.at(task, "the user task " + what + " must keep its task listener ${"
                    + served.listener() + "} on " + String.join(" and ", new TreeSet<>(served.events()))));
        }
        String formRef = task.getAttributeNS(Namespaces.CAMUNDA_BPMN, "formRef");
        if (!formRef.equals(served.formRef())) {
            refusals.add(Refusal.at(task, "the user task " + what + " must show the form " + served.formRef()
                    + (formRef.isEmpty() ? "" : ", not " + formRef)));
        }
        for (String attribute : ShippedModel.ASSIGNMENT) {
            String expected = served.assignment().get(attribute);
            String actual = task.hasAttributeNS(Namespaces.CAMUNDA_BPMN, attribute)
                    ? task.getAttributeNS(Namespaces.CAMUNDA_BPMN, attribute) : null;
            if (expected == null ? actual != null : !expected.equals(actual)) {
                refusals.add(Refusal.at(task, "who gets the user task " + what + " is part of what our "
                        + "services rely on: camunda:" + attribute + " must be "
                        + (expected == null ? "left out (the listener assigns the task)" : "'" + expected + "'")
                        + (actual == null ? "" : ", not '" + actual + "'")));
            }
        }
    }

    private static Element byId(Element root, String id) {
        if (id.equals(root.getAttribute("id"))) {
            return root;
        }
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element inner) {
                Element found = byId(inner, id);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}

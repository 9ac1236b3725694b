package org.reviewcycle.migration;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A cycle model changed the way an admin changes it, worked on the XML of whatever model is shipped
 * (bpmn/AnnualReviewCycle.bpmn), so the tests keep working when its steps change: a user task added
 * after an existing one, a step renamed. The diagram is left as it is (the engine does not read it).
 */
final class ChangedModel {

    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

    private final Document document;

    private ChangedModel(Document document) {
        this.document = document;
    }

    static ChangedModel of(String xml) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return new ChangedModel(factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
        } catch (Exception e) {
            throw new IllegalArgumentException("Not a model", e);
        }
    }

    /** The user tasks of the model in the order a review meets them first (from the start, along the flows). */
    static List<UserTask> userTasksInOrder(String xml) {
        BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        var seen = new java.util.LinkedHashSet<FlowNode>();
        var queue = new java.util.ArrayDeque<FlowNode>(model.getModelElementsByType(StartEvent.class));
        while (!queue.isEmpty()) {
            FlowNode node = queue.poll();
            if (seen.add(node)) {
                node.getOutgoing().forEach(flow -> queue.add(flow.getTarget()));
            }
        }
        var tasks = new ArrayList<UserTask>();
        seen.stream().filter(UserTask.class::isInstance).map(UserTask.class::cast).forEach(tasks::add);
        return tasks;
    }

    /**
     * Adds a user task {@code id} named {@code name} after {@code afterId}: the flow that left
     * {@code afterId} now enters the new task, and a new flow leads on from it to where that flow went.
     */
    ChangedModel addStepAfter(String afterId, String id, String name, String assignee, String formRef) {
        Element out = flowFrom(afterId);
        String onwards = out.getAttribute("targetRef");
        out.setAttribute("targetRef", id);
        Element process = (Element) out.getParentNode();
        Element task = document.createElementNS(BPMN, "bpmn:userTask");
        task.setAttribute("id", id);
        task.setAttribute("name", name);
        task.setAttributeNS(CAMUNDA, "camunda:assignee", assignee);
        task.setAttributeNS(CAMUNDA, "camunda:formRef", formRef);
        task.setAttributeNS(CAMUNDA, "camunda:formRefBinding", "deployment");
        Element flow = document.createElementNS(BPMN, "bpmn:sequenceFlow");
        flow.setAttribute("id", "Flow_After" + id.replaceFirst("^Task_", ""));
        flow.setAttribute("sourceRef", id);
        flow.setAttribute("targetRef", onwards);
        process.insertBefore(task, out.getNextSibling());
        process.insertBefore(flow, task.getNextSibling());
        return this;
    }

    /** Gives the step {@code id} a new name. */
    ChangedModel rename(String id, String name) {
        element(id).setAttribute("name", name);
        return this;
    }

    String xml() {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            var out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Element flowFrom(String sourceId) {
        NodeList flows = document.getElementsByTagNameNS(BPMN, "sequenceFlow");
        Element found = null;
        for (int i = 0; i < flows.getLength(); i++) {
            Element flow = (Element) flows.item(i);
            if (flow.getAttribute("sourceRef").equals(sourceId)) {
                if (found != null) {
                    throw new IllegalArgumentException(sourceId + " has more than one way out");
                }
                found = flow;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException(sourceId + " has no way out");
        }
        return found;
    }

    private Element element(String id) {
        NodeList all = document.getElementsByTagNameNS(BPMN, "*");
        for (int i = 0; i < all.getLength(); i++) {
            if (id.equals(((Element) all.item(i)).getAttribute("id"))) {
                return (Element) all.item(i);
            }
        }
        throw new IllegalArgumentException("No element " + id);
    }
}

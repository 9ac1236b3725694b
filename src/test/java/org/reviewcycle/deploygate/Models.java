package org.reviewcycle.deploygate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Consumer;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Small models written as an admin (or an attacker) would write them, and the shipped ones changed. */
final class Models {

    static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

    private Models() {
    }

    /** A process key of its own for one test. */
    static String key() {
        return "Probe" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** A process {@code key}: start, {@code task} (whose id must be Task_Probe), end. */
    static String process(String key, String task) {
        return processWithFlows(key, task + """
                <bpmn:sequenceFlow id="Flow_ToProbe" sourceRef="Event_Start" targetRef="Task_Probe" />
                <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="Task_Probe" targetRef="Event_End" />
                """, "camunda:historyTimeToLive=\"1\"");
    }

    /** A process {@code key} with start (Event_Start), end (Event_End) and {@code body} between them. */
    static String processWithFlows(String key, String body, String processAttributes) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    id="Definitions_Probe" targetNamespace="http://bpmn.io/schema/bpmn">
                  <bpmn:process id="%s" isExecutable="true" %s>
                    <bpmn:startEvent id="Event_Start" />
                    %s
                    <bpmn:endEvent id="Event_End" />
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(key, processAttributes, body).strip();
    }

    /** A decision table with one rule; {@code inputAttributes} go on its input expression, {@code entryAttributes} on its input entry. */
    static String decision(String key, String definitionsAttributes, String inputAttributes, String entryAttributes) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                    id="Definitions_%1$s" name="Probe" namespace="http://camunda.org/schema/1.0/dmn" %2$s>
                  <decision id="%1$s" name="Probe" camunda:historyTimeToLive="1">
                    <decisionTable id="DecisionTable_Probe">
                      <input id="Input_Category" label="Category">
                        <inputExpression id="InputExpression_Category" typeRef="string" %3$s><text>staffCategory</text></inputExpression>
                      </input>
                      <output id="Output_Count" name="observationCount" typeRef="integer" />
                      <rule id="Rule_Probe">
                        <inputEntry id="InputEntry_Probe" %4$s><text>"HLTA"</text></inputEntry>
                        <outputEntry id="OutputEntry_Probe"><text>1</text></outputEntry>
                      </rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """.formatted(key, definitionsAttributes, inputAttributes, entryAttributes).strip();
    }

    /** A shipped file (bpmn/, forms/ are on the classpath's root) as it is. */
    static String shipped(String name) {
        try (var in = Models.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalStateException("No shipped " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped cycle, changed by {@code change} on its DOM. */
    static String shippedCycleChanged(Consumer<Document> change) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document model = factory.newDocumentBuilder().parse(
                    new ByteArrayInputStream(shipped("AnnualReviewCycle.bpmn").getBytes(StandardCharsets.UTF_8)));
            change.accept(model);
            var out = new StringWriter();
            TransformerFactory.newInstance().newTransformer().transform(new DOMSource(model), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The BPMN element with {@code id}. */
    static Element byId(Document model, String id) {
        var all = model.getElementsByTagNameNS(BPMN_NS, "*");
        for (int i = 0; i < all.getLength(); i++) {
            var element = (Element) all.item(i);
            if (id.equals(element.getAttribute("id"))) {
                return element;
            }
        }
        throw new IllegalArgumentException("No element " + id);
    }
}

package org.reviewcycle.deploygate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the shipped cycle (bpmn/, forms/, the files SchoolDeployments deploys) promises our code,
 * read from those files when the application starts, so that it follows the model as it changes:
 * the user tasks our task listeners serve, each with its listener's events, its form and its
 * assignment; and the keys of each shipped form's fields, the answers our services read.
 */
final class ShippedModel {

    /** A user task a listener of ours serves, as the shipped model has it. */
    record ServedTask(String processId, String taskId, String listener, Set<String> events, String formRef,
            Map<String, String> assignment) {
    }

    /** The Camunda attributes that say who gets a task. */
    static final Set<String> ASSIGNMENT = Set.of("assignee", "candidateUsers", "candidateGroups");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** By listener bean name. */
    private final Map<String, ServedTask> servedTasks = new LinkedHashMap<>();
    /** By form id. */
    private final Map<String, Set<String>> formKeys = new LinkedHashMap<>();

    ShippedModel(ResourcePatternResolver resolver, String[] patterns) {
        for (String pattern : patterns) {
            for (Resource resource : resources(resolver, pattern.strip())) {
                String name = String.valueOf(resource.getFilename());
                byte[] content = read(resource);
                if (ModelAllowlist.BPMN_SUFFIXES.stream().anyMatch(name::endsWith)) {
                    readTasks(name, content);
                } else if (ModelAllowlist.FORM_SUFFIXES.stream().anyMatch(name::endsWith)) {
                    readForm(name, content);
                }
            }
        }
        if (servedTasks.isEmpty() || formKeys.isEmpty()) {
            // without them the gate would not know what the model promises our listeners
            throw new IllegalStateException("The deploy gate found no shipped model or forms under "
                    + String.join(", ", patterns));
        }
    }

    Map<String, ServedTask> servedTasks() {
        return servedTasks;
    }

    /** The keys a form of this id may have; empty for a form that was not shipped. */
    Set<String> formKeys(String formId) {
        return formKeys.getOrDefault(formId, Set.of());
    }

    boolean shipsForm(String formId) {
        return formKeys.containsKey(formId);
    }

    private void readTasks(String name, byte[] content) {
        Document model;
        try {
            model = SafeXml.parse(content);
        } catch (SafeXml.NotReadable e) {
            throw new IllegalStateException("The shipped model " + name + " cannot be read: " + e.getMessage());
        }
        var tasks = model.getElementsByTagNameNS(Namespaces.BPMN, "userTask");
        for (int i = 0; i < tasks.getLength(); i++) {
            Element task = (Element) tasks.item(i);
            var listeners = task.getElementsByTagNameNS(Namespaces.CAMUNDA_BPMN, "taskListener");
            var events = new LinkedHashMap<String, Set<String>>();
            for (int j = 0; j < listeners.getLength(); j++) {
                Element listener = (Element) listeners.item(j);
                ExpressionRules.beanOnly(listener.getAttribute("delegateExpression")).ifPresent(bean ->
                        events.computeIfAbsent(bean, b -> new TreeSet<>()).add(listener.getAttribute("event")));
            }
            var assignment = new LinkedHashMap<String, String>();
            for (String attribute : ASSIGNMENT) {
                if (task.hasAttributeNS(Namespaces.CAMUNDA_BPMN, attribute)) {
                    assignment.put(attribute, task.getAttributeNS(Namespaces.CAMUNDA_BPMN, attribute));
                }
            }
            String process = processOf(task);
            events.forEach((bean, on) -> servedTasks.put(bean, new ServedTask(process, task.getAttribute("id"), bean,
                    Set.copyOf(on), task.getAttributeNS(Namespaces.CAMUNDA_BPMN, "formRef"), Map.copyOf(assignment))));
        }
    }

    private static String processOf(Element element) {
        for (var node = element.getParentNode(); node instanceof Element parent; node = parent.getParentNode()) {
            if (Namespaces.BPMN.equals(parent.getNamespaceURI()) && "process".equals(parent.getLocalName())) {
                return parent.getAttribute("id");
            }
        }
        return null;
    }

    private void readForm(String name, byte[] content) {
        try {
            var form = JSON.readTree(content);
            formKeys.put(form.path("id").asText(name), Set.copyOf(FormRules.keys(form)));
        } catch (IOException e) {
            throw new IllegalStateException("The shipped form " + name + " cannot be read", e);
        }
    }

    private static Resource[] resources(ResourcePatternResolver resolver, String pattern) {
        try {
            return Arrays.stream(resolver.getResources(pattern)).toArray(Resource[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the cycle's files " + pattern, e);
        }
    }

    private static byte[] read(Resource resource) {
        try (var in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource.getDescription(), e);
        }
    }
}

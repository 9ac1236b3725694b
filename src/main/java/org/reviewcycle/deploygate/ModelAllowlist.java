package org.reviewcycle.deploygate;

import java.util.Map;
import java.util.Set;

/**
 * Everything a deployed model may name, in one place. A deployment naming anything else is refused
 * by the deploy gate. To let the model use a new bean method, add it here (and say why in the
 * commit); the README section "What a model may contain" explains the rules to admins.
 *
 * <p>Delegates and listeners are not listed one by one: a {@code camunda:delegateExpression} may name
 * any Spring bean whose class is in {@link #OUR_PACKAGE} and implements the interface its place
 * needs (a task listener, an execution listener, a delegate); which user task each task listener
 * serves, its form and its assignment are read from the shipped model ({@link ShippedModel}).
 */
final class ModelAllowlist {

    /** Our own code: the only beans a delegate expression may name. */
    static final String OUR_PACKAGE = "org.reviewcycle.";

    /**
     * The bean methods an expression may call, by bean name. Nothing else may be called: not a
     * method of a variable, of {@code execution} or {@code task}, nor another method of these beans.
     */
    static final Map<String, Set<String>> BEAN_METHODS = Map.of(
            // process.ReviewSchedule: due dates of the user tasks and the dates of the two timers
            "reviewSchedule", Set.of("dueDate", "midYearCheckFrom", "finalReviewFrom"),
            // process.StepReminders: the time cycles of the reminder and escalation timers on the user tasks
            "stepReminders", Set.of("reminders", "escalations"));

    /**
     * What the engine puts beside the variables: allowed only as an argument of one of the methods
     * above ({@code ${reviewSchedule.dueDate(execution)}}), never read or called in an expression
     * itself ({@code execution.processEngineServices} is the whole engine).
     */
    static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task", "externalTask", "caseExecution",
            "variableScope", "variableContext");

    /** The engine's own expression functions: they return a date or the user's name, nothing to call. */
    static final Set<String> FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups");

    /** Properties never read from a variable: the way from any Java object to its class and class loader. */
    static final Set<String> FORBIDDEN_PROPERTIES = Set.of("class", "classLoader", "declaringClass", "module",
            "protectionDomain");

    /**
     * The Camunda attributes a BPMN element may carry. Not here, so refused: class (a Java class to
     * run), resource (a file outside the model), formKey (embedded or external forms), type/topic
     * (external tasks), calledElement... bindings and tenant ids (another deployment or school),
     * formRefVersion (forms come from the model's own deployment).
     */
    static final Set<String> BPMN_CAMUNDA_ATTRIBUTES = Set.of(
            "assignee", "candidateUsers", "candidateGroups", "dueDate", "followUpDate", "priority",
            "formRef", "formRefBinding", "delegateExpression", "expression", "resultVariable",
            "historyTimeToLive", "versionTag", "isStartableInTasklist", "asyncBefore", "asyncAfter", "async",
            "exclusive", "jobPriority", "taskPriority", "initiator", "collection", "elementVariable",
            "errorCodeVariable", "errorMessageVariable", "decisionRef", "decisionRefBinding",
            "decisionRefVersion", "decisionRefVersionTag", "mapDecisionResult", "variableName", "variableEvents",
            "candidateStarterGroups", "candidateStarterUsers");

    /**
     * The Camunda extension elements a BPMN model may hold, each with the attributes it may carry.
     * Not here, so refused: script, connector, field (injection into a class), formData/formField
     * (generated forms with custom validators), in/out (variables of a called process).
     */
    static final Map<String, Set<String>> BPMN_CAMUNDA_ELEMENTS = Map.ofEntries(
            Map.entry("taskListener", Set.of("event", "delegateExpression", "expression", "id")),
            Map.entry("executionListener", Set.of("event", "delegateExpression", "expression")),
            Map.entry("inputOutput", Set.of()),
            Map.entry("inputParameter", Set.of("name")),
            Map.entry("outputParameter", Set.of("name")),
            Map.entry("list", Set.of()),
            Map.entry("map", Set.of()),
            Map.entry("entry", Set.of("key")),
            Map.entry("value", Set.of()),
            Map.entry("properties", Set.of()),
            Map.entry("property", Set.of("id", "name", "value")),
            Map.entry("failedJobRetryTimeCycle", Set.of()));

    /** The Camunda attributes a DMN model may carry. */
    static final Set<String> DMN_CAMUNDA_ATTRIBUTES = Set.of("inputVariable", "historyTimeToLive", "versionTag");

    /** How DMN names FEEL, the only expression language a decision may use (Camunda's FEEL engine). */
    static final Set<String> FEEL = Set.of("feel", "feel-scala",
            "http://www.omg.org/spec/FEEL/20140401",
            "http://www.omg.org/spec/DMN/20180521/FEEL/",
            "https://www.omg.org/spec/DMN/20191111/FEEL/",
            "https://www.omg.org/spec/DMN/20211108/FEEL/",
            "https://www.omg.org/spec/DMN/20230324/FEEL/");

    /**
     * The form-js (1.8, what Tasklist 7.24 renders) components a form may hold. Not here, so
     * refused: html (markup of the admin's own in staff's browsers), iframe and image (pages and
     * pictures from elsewhere), filepicker (uploads no service reads), button, expression.
     * The keys a form's fields may have are those of the shipped form of the same id ({@link ShippedModel}).
     */
    static final Set<String> FORM_COMPONENT_TYPES = Set.of("text", "textfield", "textarea", "number", "checkbox",
            "checklist", "radio", "select", "taglist", "datetime", "group", "dynamiclist", "table", "separator",
            "spacer");

    /** The resources a deployment may hold, by how their names end: models and forms, nothing else. */
    static final Set<String> BPMN_SUFFIXES = Set.of(".bpmn", ".bpmn20.xml");
    static final Set<String> DMN_SUFFIXES = Set.of(".dmn", ".dmn11.xml");
    static final Set<String> FORM_SUFFIXES = Set.of(".form");

    private ModelAllowlist() {
    }
}

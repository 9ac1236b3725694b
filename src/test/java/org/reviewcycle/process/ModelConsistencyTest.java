package org.reviewcycle.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.transform.dom.DOMSource;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityBehavior;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.InputExpression;
import org.camunda.bpm.model.dmn.instance.Output;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.reviewcycle.demo.DemoSchool;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The names that tie bpmn/, forms/ and this package together, checked without running a review:
 * form references, form keys against the listeners' inputs, the variables the forms show against
 * the code that sets them, the beans and variables the model's expressions name, and the element
 * ids spelled in {@link AnnualReviewCycleProcess}. Runs from the project root (Maven's working
 * directory), reading the model and forms as files and the sources of this package as text.
 */
@SpringBootTest
class ModelConsistencyTest {

    private static final Path MODELS = Path.of("bpmn");
    private static final Path FORMS = Path.of("forms");
    private static final Path SOURCES = Path.of("src/main/java/org/reviewcycle/process");
    private static final Path REVIEW_FORMS_SOURCE = SOURCES.resolve("ReviewForms.java");
    private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the Camunda Modeler appends to an id it makes up, e.g. Activity_0x3k9zq. */
    private static final Pattern GENERATED_ID = Pattern.compile("_[0-9a-z]{7}$");
    /** A JUEL expression in the model. */
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
    /** {@code ${beanName}}: the whole of a delegate expression. */
    private static final Pattern BEAN_ONLY = Pattern.compile("^\\s*\\$\\{\\s*(\\w+)\\s*}\\s*$");
    /** {@code name.method(args)} inside an expression. */
    private static final Pattern METHOD_CALL = Pattern.compile("(?<![\\w.])(\\w+)\\s*\\.\\s*(\\w+)\\s*\\(([^()]*)\\)");
    /** A name that is not a property or method of something else. */
    private static final Pattern NAME = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*+)");
    /** A name that is not a property and not a function call (FEEL). */
    private static final Pattern FEEL_NAME = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*+)(?!\\s*\\()");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
    private static final Pattern TEMPLATE_BLOCK = Pattern.compile("^\\s*[#/](?:if|loop)\\b|^\\s*else\\s*$");

    private static final Set<String> EL_WORDS = Set.of("true", "false", "null", "empty", "not", "and", "or",
            "eq", "ne", "lt", "gt", "le", "ge", "div", "mod", "instanceof");
    private static final Set<String> FEEL_WORDS = Set.of("if", "then", "else", "for", "in", "return", "some",
            "every", "satisfies", "and", "or", "not", "null", "true", "false", "between", "instance", "of",
            "function", "item", "this", "parent", "i", "_this_", "_parent_", "_i_");
    /** Names the engine provides to expressions. */
    private static final Set<String> ENGINE_NAMES = Set.of("execution", "loopCounter");
    /** Form fields whose value is a list: the listener declares them in listInputs(). */
    private static final Set<String> LIST_FIELD_TYPES = Set.of("checklist", "taglist");
    /** Component properties that hold names, not expressions. */
    private static final Set<String> NAME_PROPERTIES = Set.of("id", "key", "path", "type", "valuesKey", "components");

    /** Where the code sets a task variable for a form to show. */
    private static final List<Pattern> SETS_LITERAL = List.of(
            Pattern.compile("setVariableLocal\\(\\s*\"(\\w+)\""),
            Pattern.compile("shown\\.put\\(\\s*\"(\\w+)\""),
            Pattern.compile("showList\\(\\s*\\w+\\s*,\\s*\"(\\w+)\""));
    private static final List<Pattern> SETS_CONSTANT = List.of(
            Pattern.compile("setVariableLocal\\(\\s*([A-Z][A-Z0-9_]*)\\s*,"),
            Pattern.compile("shown\\.put\\(\\s*([A-Z][A-Z0-9_]*)\\s*,"),
            Pattern.compile("showList\\(\\s*\\w+\\s*,\\s*([A-Z][A-Z0-9_]*)\\s*,"));
    /** Where a listener reads a submitted value (SubmittedForm's accessors). */
    private static final Pattern READS = Pattern.compile(
            "\\.(?:text|bool|integer|choice|date|integers|list)\\(\\s*(\"\\w+\"|[A-Z][A-Z0-9_]*)\\s*,");
    private static final Pattern STRING_CONSTANT = Pattern.compile("static final String ([A-Z][A-Z0-9_]*)\\s*=\\s*\"(\\w+)\"");
    private static final Pattern FORMS_CALL = Pattern.compile("\\bforms\\.(\\w+)\\(");
    private static final Pattern MEMBER_HEADER = Pattern.compile("(?m)^    \\S[^\\n;=]*?\\b(\\w+)\\([^\\n]*\\)\\s*\\{\\s*$");
    private static final Pattern MEMBER_END = Pattern.compile("(?m)^    }");

    @Autowired
    ApplicationContext context;

    @Autowired
    RepositoryService repository;

    // --- 1. form references ---

    @Test
    void everyFormReferenceInTheModelHasAFormFileWithThatId() {
        var problems = new ArrayList<String>();
        var referenced = new TreeSet<String>();
        List<XmlValue> formRefs = modelValues().stream()
                .filter(v -> v.isCamunda("formRef")).toList();
        assertThat(formRefs).as("camunda:formRef attributes in bpmn/*.bpmn").isNotEmpty();
        for (XmlValue ref : formRefs) {
            referenced.add(ref.value());
            Path file = FORMS.resolve(ref.value() + ".form");
            if (!Files.isRegularFile(file)) {
                problems.add(ref.where() + " = '" + ref.value() + "': there is no " + file);
            } else if (!ref.value().equals(readJson(file).path("id").asText(null))) {
                problems.add(ref.where() + " = '" + ref.value() + "': " + file + " has \"id\": "
                        + readJson(file).path("id"));
            }
        }
        for (Path file : formFiles()) {
            String id = readJson(file).path("id").asText(null);
            if (!baseName(file).equals(id)) {
                problems.add(file + ": \"id\" is " + id + ", the file must be named <id>.form");
            }
            if (!referenced.contains(baseName(file))) {
                problems.add(file + ": no camunda:formRef in bpmn/ uses this form");
            }
        }
        Map<String, String> formConstants = constants(AnnualReviewCycleProcess.Forms.class);
        formConstants.forEach((name, id) -> {
            if (!referenced.contains(id)) {
                problems.add("AnnualReviewCycleProcess.Forms." + name + " = '" + id + "': no camunda:formRef uses it");
            }
        });
        referenced.stream().filter(id -> !formConstants.containsValue(id)).forEach(id -> problems.add(
                "camunda:formRef '" + id + "' has no constant in AnnualReviewCycleProcess.Forms"));
        assertThat(problems).as("form references").isEmpty();
    }

    @Test
    void everyFormIsBoundToTheDeploymentOfItsModel() {
        // a running review keeps the forms it started with; "latest" would show it a later version's
        List<XmlValue> bindings = modelValues().stream().filter(v -> v.isCamunda("formRefBinding")).toList();
        assertThat(bindings).hasSameSizeAs(modelValues().stream().filter(v -> v.isCamunda("formRef")).toList());
        assertThat(bindings).allSatisfy(binding -> assertThat(binding.value()).as(binding.where()).isEqualTo("deployment"));
    }

    // --- 2. form inputs against the listeners ---

    @Test
    void everyFormInputIsAnInputOfItsTasksListenerAndBack() {
        var problems = new ArrayList<String>();
        List<FormTask> formTasks = formTasks(problems);
        assertThat(formTasks).as("user tasks with a camunda:formRef").isNotEmpty();
        for (FormTask task : formTasks) {
            Path file = FORMS.resolve(task.formId() + ".form");
            if (!Files.isRegularFile(file) || task.listener() == null) {
                continue; // reported by the reference checks
            }
            FormFields fields = fields(file);
            ReviewTaskListener listener = task.listener();
            String listenerName = task.beanName() + " (" + task.listenerClass().getSimpleName() + ")";
            List<String> inputs = listener.inputs();
            List<String> listInputs = listener.listInputs();
            String source = listenerSource(task.listenerClass());
            Map<String, String> constants = stringConstants(source);
            Set<String> read = readKeys(source, constants);

            fields.top().forEach((key, isList) -> {
                String where = file + ": key '" + key + "'";
                if (isList && !listInputs.contains(key)) {
                    problems.add(where + " holds a list but is not in " + listenerName + ".listInputs() "
                            + listInputs + (inputs.contains(key) ? " (it is in inputs())" : ""));
                } else if (!isList && !inputs.contains(key)) {
                    problems.add(where + " is not in " + listenerName + ".inputs() " + inputs
                            + (listInputs.contains(key) ? " (it is in listInputs(), but the field holds one value)" : ""));
                }
            });
            fields.items().forEach((list, items) -> items.forEach((key, readonly) -> {
                String where = file + ": key '" + key + "' of the items of dynamic list '" + list + "'";
                if (!source.contains("\"" + key + "\"")) {
                    problems.add(where + " does not appear as \"" + key + "\" in " + sourceFile(task.listenerClass()));
                } else if (!readonly && !read.contains(key)) {
                    problems.add(where + " is editable but " + sourceFile(task.listenerClass())
                            + " never reads it from the submitted entry");
                }
            }));
            Stream.concat(inputs.stream(), listInputs.stream()).forEach(key -> {
                if (!fields.top().containsKey(key)) {
                    problems.add(listenerName + " declares input '" + key + "' but " + file + " has no field with that key");
                } else if (!read.contains(key)) {
                    problems.add(listenerName + " declares input '" + key + "' of " + file
                            + " but never reads it from the submitted form");
                }
            });
        }
        assertThat(problems).as("form inputs against the listeners").isEmpty();
    }

    // --- 3. display variables against the code that sets them ---

    @Test
    void everyVariableAFormShowsIsSetByTheCode() {
        var problems = new ArrayList<String>();
        Map<String, Set<String>> setByReviewForms = namesSetByMember(read(REVIEW_FORMS_SOURCE));
        // every form is given these when it opens (FormFactsInAnswers)
        Set<String> common = setByReviewForms.getOrDefault("commonFacts", Set.of());
        assertThat(common).as("variables given by ReviewForms.commonFacts").isNotEmpty();
        int checked = 0;
        for (FormTask task : formTasks(problems)) {
            Path file = FORMS.resolve(task.formId() + ".form");
            if (!Files.isRegularFile(file) || task.listener() == null) {
                continue;
            }
            Set<String> set = new TreeSet<>(common);
            for (Class<?> type : ownClasses(task.listenerClass())) {
                String source = read(sourceFile(type));
                set.addAll(namesSet(source, stringConstants(source)));
                Matcher call = FORMS_CALL.matcher(source);
                while (call.find()) {
                    set.addAll(setByReviewForms.getOrDefault(call.group(1), Set.of()));
                }
            }
            for (Read shown : fields(file).reads()) {
                checked++;
                if (!set.contains(shown.name())) {
                    problems.add(file + ": " + shown.where() + " reads '" + shown.name() + "', which "
                            + task.listenerClass().getSimpleName() + " (prepare(), or the ReviewForms methods it calls)"
                            + " never sets; it sets " + set);
                }
            }
        }
        assertThat(checked).as("variables read by the forms").isPositive();
        assertThat(problems).as("variables the forms show").isEmpty();
    }

    // --- 4. beans named by the model ---

    @Test
    void everyBeanTheModelNamesExistsWithTheMethodsItCalls() {
        var problems = new ArrayList<String>();
        Set<String> variables = Set.copyOf(constants(AnnualReviewCycleProcess.Variables.class).values());
        var beansCalled = new TreeSet<String>();
        var delegateHolders = new TreeSet<String>();
        for (XmlValue value : modelValues()) {
            if (value.isCamunda("delegateExpression")) {
                delegateHolders.add(value.element());
                Matcher bean = BEAN_ONLY.matcher(value.value());
                if (!bean.matches()) {
                    problems.add(value.where() + " = '" + value.value() + "' is not of the form ${beanName}");
                } else if (!context.containsBean(bean.group(1))) {
                    problems.add(value.where() + " names bean '" + bean.group(1) + "', which does not exist");
                } else {
                    Class<?> expected = switch (value.element()) {
                        case "taskListener" -> TaskListener.class;
                        case "executionListener" -> ExecutionListener.class;
                        default -> JavaDelegate.class;
                    };
                    Object target = context.getBean(bean.group(1));
                    if (!expected.isInstance(target) && !(expected == JavaDelegate.class && target instanceof ActivityBehavior)) {
                        problems.add(value.where() + " names bean '" + bean.group(1) + "' ("
                                + ClassUtils.getUserClass(target).getSimpleName() + "), which is not a "
                                + expected.getSimpleName());
                    }
                }
            }
            if (value.isCamunda("expression")) {
                Matcher first = Pattern.compile("^\\s*\\$\\{\\s*(\\w+)").matcher(value.value());
                if (first.find() && !context.containsBean(first.group(1))) {
                    problems.add(value.where() + " = '" + value.value() + "' names bean '" + first.group(1)
                            + "', which does not exist");
                }
            }
            for (String expression : expressions(value.value())) {
                Matcher call = METHOD_CALL.matcher(withoutStrings(expression));
                while (call.find()) {
                    String target = call.group(1);
                    if (ENGINE_NAMES.contains(target) || variables.contains(target)) {
                        continue;
                    }
                    if (!context.containsBean(target)) {
                        problems.add(value.where() + ": '" + expression + "' calls " + call.group(2)
                                + " on '" + target + "', which is no bean");
                        continue;
                    }
                    beansCalled.add(target);
                    Class<?> type = ClassUtils.getUserClass(context.getBean(target));
                    int arguments = call.group(3).isBlank() ? 0 : call.group(3).split(",").length;
                    boolean found = Arrays.stream(type.getMethods())
                            .anyMatch(m -> m.getName().equals(call.group(2)) && m.getParameterCount() == arguments);
                    if (!found) {
                        problems.add(value.where() + ": '" + expression + "' calls " + target + "." + call.group(2)
                                + " with " + arguments + " argument(s), but " + type.getName()
                                + " has no such public method");
                    }
                }
            }
        }
        assertThat(delegateHolders).as("elements with a delegateExpression")
                .contains("serviceTask", "taskListener", "executionListener");
        assertThat(beansCalled).as("beans whose methods the model calls").contains("reviewSchedule");
        assertThat(problems).as("beans named by the model").isEmpty();
    }

    // --- 5. names in AnnualReviewCycleProcess against the deployed model ---

    @Test
    void everyElementIdAndDecisionTheCodeNamesIsDeployed() {
        var problems = new ArrayList<String>();
        ProcessDefinition process = repository.createProcessDefinitionQuery()
                .processDefinitionKey(AnnualReviewCycleProcess.KEY).tenantIdIn(DemoSchool.CODE).latestVersion()
                .singleResult();
        assertThat(process).as("deployed process " + AnnualReviewCycleProcess.KEY).isNotNull();
        BpmnModelInstance model = repository.getBpmnModelInstance(process.getId());
        Map<String, String> elements = constants(AnnualReviewCycleProcess.Elements.class);
        elements.forEach((name, id) -> {
            if (model.getModelElementById(id) == null) {
                problems.add("AnnualReviewCycleProcess.Elements." + name + " = '" + id + "' is not an element of the deployed "
                        + AnnualReviewCycleProcess.KEY + " (" + process.getResourceName() + ")");
            }
        });
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            if (!elements.containsValue(task.getId())) {
                problems.add("user task " + task.getId() + " of " + process.getResourceName()
                        + " has no constant in AnnualReviewCycleProcess.Elements");
            }
        }

        Set<String> variables = Set.copyOf(constants(AnnualReviewCycleProcess.Variables.class).values());
        DecisionDefinition decision = repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey(AnnualReviewCycleProcess.REVIEW_PLAN_DECISION).tenantIdIn(DemoSchool.CODE)
                .latestVersion().singleResult();
        if (decision == null) {
            problems.add("decision '" + AnnualReviewCycleProcess.REVIEW_PLAN_DECISION + "' is not deployed");
        } else {
            DmnModelInstance dmn = repository.getDmnModelInstance(decision.getId());
            for (InputExpression input : dmn.getModelElementsByType(InputExpression.class)) {
                String text = input.getText() == null ? "" : input.getText().getTextContent().strip();
                if (!variables.contains(text)) {
                    problems.add(decision.getResourceName() + ": input expression '" + text
                            + "' is not a variable of AnnualReviewCycleProcess.Variables");
                }
            }
            for (Output output : dmn.getModelElementsByType(Output.class)) {
                if (!variables.contains(output.getName())) {
                    problems.add(decision.getResourceName() + ": output '" + output.getName()
                            + "' is not a variable of AnnualReviewCycleProcess.Variables");
                }
            }
        }
        assertThat(problems).as("element ids and decisions named by the code").isEmpty();
    }

    @Test
    void theModelsExpressionsReadOnlyKnownVariablesAndBeans() {
        var problems = new ArrayList<String>();
        Set<String> variables = Set.copyOf(constants(AnnualReviewCycleProcess.Variables.class).values());
        var used = new TreeSet<String>();
        for (XmlValue value : modelValues()) {
            for (String expression : expressions(value.value())) {
                Matcher name = NAME.matcher(withoutStrings(expression));
                while (name.find()) {
                    String n = name.group(1);
                    if (EL_WORDS.contains(n)) {
                        continue;
                    }
                    used.add(n);
                    if (!variables.contains(n) && !ENGINE_NAMES.contains(n) && !context.containsBean(n)) {
                        problems.add(value.where() + ": '" + expression + "' reads '" + n
                                + "', which is neither in AnnualReviewCycleProcess.Variables nor "
                                + ENGINE_NAMES + " nor a bean");
                    }
                }
            }
        }
        assertThat(used).as("names in the model's expressions").isNotEmpty();
        assertThat(problems).as("names in the model's expressions").isEmpty();
    }

    // --- 6. ids ---

    @Test
    void noElementIdInTheModelsLooksGenerated() {
        var problems = new ArrayList<String>();
        int ids = 0;
        for (Path file : modelFiles(".bpmn", ".dmn")) {
            for (XmlValue value : xmlValues(file, domOf(file))) {
                if ("id".equals(value.attribute()) && value.namespace() == null) {
                    ids++;
                    if (GENERATED_ID.matcher(value.value()).find()) {
                        problems.add(file + ": <" + value.element() + " id=\"" + value.value()
                                + "\"> looks generated by the Modeler; give it a meaningful id");
                    }
                }
            }
        }
        assertThat(ids).as("ids in bpmn/").isPositive();
        assertThat(problems).as("generated-looking ids").isEmpty();
    }

    // --- the model ---

    /** Attribute values and leaf texts of every element of an XML model. */
    record XmlValue(Path file, String ownerId, String element, String elementNamespace, String namespace, String attribute,
            String value) {

        /** A Camunda extension attribute: camunda:x on a BPMN element, or x on a camunda: element. */
        boolean isCamunda(String name) {
            return name.equals(attribute)
                    && (CAMUNDA_NS.equals(namespace) || namespace == null && CAMUNDA_NS.equals(elementNamespace));
        }

        String where() {
            return file + " <" + element + "> in " + ownerId + (attribute == null ? "" : " @" + attribute);
        }
    }

    /** A user task with a form, and the listener bean its task listeners name. */
    record FormTask(String taskId, String formId, String beanName, ReviewTaskListener listener) {

        Class<?> listenerClass() {
            return ClassUtils.getUserClass(listener);
        }
    }

    private static List<Path> modelFiles(String... suffixes) {
        try (Stream<Path> files = Files.list(MODELS)) {
            return files.filter(f -> Arrays.stream(suffixes).anyMatch(s -> f.getFileName().toString().endsWith(s)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Node domOf(Path file) {
        if (file.toString().endsWith(".bpmn")) {
            return ((DOMSource) Bpmn.readModelFromFile(file.toFile()).getDocument().getDomSource()).getNode();
        }
        try {
            var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(file.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }

    private static List<XmlValue> modelValues() {
        var values = new ArrayList<XmlValue>();
        for (Path file : modelFiles(".bpmn")) {
            values.addAll(xmlValues(file, domOf(file)));
        }
        return values;
    }

    private static List<XmlValue> xmlValues(Path file, Node root) {
        var values = new ArrayList<XmlValue>();
        collect(file, root, "(document)", values);
        return values;
    }

    private static void collect(Path file, Node node, String ownerId, List<XmlValue> values) {
        if (node instanceof Element element) {
            String id = element.hasAttribute("id") ? element.getAttribute("id") : ownerId;
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Node attribute = attributes.item(i);
                if (!"http://www.w3.org/2000/xmlns/".equals(attribute.getNamespaceURI())) {
                    values.add(new XmlValue(file, id, element.getLocalName(), element.getNamespaceURI(), attribute.getNamespaceURI(),
                            attribute.getLocalName(), attribute.getNodeValue()));
                }
            }
            boolean leaf = true;
            for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                leaf &= child.getNodeType() != Node.ELEMENT_NODE;
            }
            if (leaf && !element.getTextContent().isBlank()) {
                values.add(new XmlValue(file, id, element.getLocalName(), element.getNamespaceURI(), null, null,
                        element.getTextContent().strip()));
            }
            ownerId = id;
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            collect(file, child, ownerId, values);
        }
    }

    private static List<String> expressions(String text) {
        var expressions = new ArrayList<String>();
        Matcher m = EXPRESSION.matcher(text);
        while (m.find()) {
            expressions.add(m.group(1));
        }
        return expressions;
    }

    private static String withoutStrings(String expression) {
        return STRING_LITERAL.matcher(expression).replaceAll("\"\"");
    }

    /** Every user task with a form, with the bean its create and complete listeners name. */
    private List<FormTask> formTasks(List<String> problems) {
        var tasks = new ArrayList<FormTask>();
        for (Path file : modelFiles(".bpmn")) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                if (task.getCamundaFormRef() == null) {
                    continue;
                }
                var beans = new TreeMap<String, String>();
                if (task.getExtensionElements() != null) {
                    for (CamundaTaskListener listener : task.getExtensionElements().getElementsQuery()
                            .filterByType(CamundaTaskListener.class).list()) {
                        Matcher bean = BEAN_ONLY.matcher(String.valueOf(listener.getCamundaDelegateExpression()));
                        if (bean.matches()) {
                            beans.put(listener.getCamundaEvent(), bean.group(1));
                        }
                    }
                }
                String where = file + " user task " + task.getId() + " (form " + task.getCamundaFormRef() + ")";
                String create = beans.get(TaskListener.EVENTNAME_CREATE);
                if (create == null || !create.equals(beans.get(TaskListener.EVENTNAME_COMPLETE))) {
                    problems.add(where + ": needs one ${bean} task listener on create and complete, has " + beans);
                    continue;
                }
                if (!context.containsBean(create) || !(context.getBean(create) instanceof ReviewTaskListener listener)) {
                    problems.add(where + ": task listener '" + create + "' is no ReviewTaskListener bean");
                    continue;
                }
                tasks.add(new FormTask(task.getId(), task.getCamundaFormRef(), create, listener));
            }
        }
        return tasks;
    }

    // --- the forms ---

    /**
     * A form's input keys (top level: key to "holds a list"), the item keys of its dynamic lists
     * (list path to item key to "read-only") and the names its expressions and templates read.
     */
    record FormFields(Map<String, Boolean> top, Map<String, Map<String, Boolean>> items, List<Read> reads) {
    }

    record Read(String name, String where) {
    }

    private static List<Path> formFiles() {
        try (Stream<Path> files = Files.list(FORMS)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".form")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    static FormFields fields(Path file) {
        JsonNode form = readJson(file);
        var fields = new FormFields(new LinkedHashMap<>(), new LinkedHashMap<>(), new ArrayList<>());
        collectInputs(form.path("components"), null, fields);
        collectReads(form.path("components"), Set.of(), fields);
        return fields;
    }

    private static boolean isList(JsonNode component) {
        return component.hasNonNull("path") && component.has("components");
    }

    private static void collectInputs(JsonNode components, String list, FormFields fields) {
        for (JsonNode component : components) {
            String key = isList(component) ? component.get("path").asText()
                    : component.hasNonNull("key") ? component.get("key").asText() : null;
            if (key != null) {
                boolean holdsList = isList(component) || LIST_FIELD_TYPES.contains(component.path("type").asText());
                if (list == null) {
                    fields.top().put(key, holdsList);
                } else {
                    fields.items().get(list).put(key, component.path("readonly").asBoolean(false));
                }
            }
            if (isList(component)) {
                fields.items().put(key, new LinkedHashMap<>());
                collectInputs(component.path("components"), key, fields);
            } else {
                collectInputs(component.path("components"), list, fields);
            }
        }
    }

    private static void collectReads(JsonNode components, Set<String> itemKeys, FormFields fields) {
        for (JsonNode component : components) {
            String where = component.path("type").asText() + " " + component.path("id").asText(component.path("key").asText());
            var names = new LinkedHashSet<String>();
            if (component.hasNonNull("valuesKey")) {
                names.add(component.get("valuesKey").asText());
            }
            component.fields().forEachRemaining(property -> {
                if (!NAME_PROPERTIES.contains(property.getKey())) {
                    texts(property.getValue()).forEach(text -> names.addAll(namesRead(text)));
                }
            });
            names.stream().filter(n -> !fields.top().containsKey(n) && !itemKeys.contains(n))
                    .forEach(n -> fields.reads().add(new Read(n, where)));
            collectReads(component.path("components"),
                    isList(component) ? fields.items().get(component.get("path").asText()).keySet() : itemKeys, fields);
        }
    }

    private static List<String> texts(JsonNode node) {
        var texts = new ArrayList<String>();
        if (node.isTextual()) {
            texts.add(node.asText());
        } else if (node.isContainerNode()) {
            node.forEach(child -> texts.addAll(texts(child)));
        }
        return texts;
    }

    /** The names a FEEL expression ({@code =...}) or the templates ({@code {{...}}}) in a text read. */
    static Set<String> namesRead(String text) {
        var names = new LinkedHashSet<String>();
        if (text.startsWith("=")) {
            names.addAll(feelNames(text.substring(1)));
        } else {
            Matcher template = TEMPLATE.matcher(text);
            while (template.find()) {
                names.addAll(feelNames(TEMPLATE_BLOCK.matcher(template.group(1)).replaceAll("")));
            }
        }
        return names;
    }

    private static Set<String> feelNames(String expression) {
        var names = new LinkedHashSet<String>();
        Matcher name = FEEL_NAME.matcher(withoutStrings(expression));
        while (name.find()) {
            if (!FEEL_WORDS.contains(name.group(1))) {
                names.add(name.group(1));
            }
        }
        return names;
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }

    // --- the sources of this package ---

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static Path sourceFile(Class<?> type) {
        return SOURCES.resolve(type.getSimpleName() + ".java");
    }

    /** The class and its superclasses whose sources are in this package. */
    private static List<Class<?>> ownClasses(Class<?> type) {
        var classes = new ArrayList<Class<?>>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getPackageName().equals(ModelConsistencyTest.class.getPackageName()) && Files.isRegularFile(sourceFile(c))) {
                classes.add(c);
            }
        }
        return classes;
    }

    private static String listenerSource(Class<?> type) {
        var source = new StringBuilder();
        ownClasses(type).forEach(c -> source.append(read(sourceFile(c))).append('\n'));
        return source.toString();
    }

    private static Map<String, String> stringConstants(String source) {
        var constants = new LinkedHashMap<String, String>();
        Matcher m = STRING_CONSTANT.matcher(source);
        while (m.find()) {
            constants.put(m.group(1), m.group(2));
        }
        return constants;
    }

    /** The task variables a piece of source sets with setVariableLocal or showList. */
    private static Set<String> namesSet(String source, Map<String, String> constants) {
        var names = new TreeSet<String>();
        for (Pattern p : SETS_LITERAL) {
            Matcher m = p.matcher(source);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        for (Pattern p : SETS_CONSTANT) {
            Matcher m = p.matcher(source);
            while (m.find()) {
                if (constants.containsKey(m.group(1))) {
                    names.add(constants.get(m.group(1)));
                }
            }
        }
        return names;
    }

    /** For each method of ReviewForms, the task variables it sets. */
    private static Map<String, Set<String>> namesSetByMember(String source) {
        Map<String, String> constants = stringConstants(source);
        var byMember = new LinkedHashMap<String, Set<String>>();
        Matcher header = MEMBER_HEADER.matcher(source);
        while (header.find()) {
            Matcher end = MEMBER_END.matcher(source);
            int to = end.find(header.end()) ? end.start() : source.length();
            byMember.computeIfAbsent(header.group(1), k -> new TreeSet<>())
                    .addAll(namesSet(source.substring(header.end(), to), constants));
        }
        return byMember;
    }

    /** The keys a listener reads from what was submitted. */
    private static Set<String> readKeys(String source, Map<String, String> constants) {
        var keys = new TreeSet<String>();
        Matcher m = READS.matcher(source);
        while (m.find()) {
            String key = m.group(1);
            if (key.startsWith("\"")) {
                keys.add(key.substring(1, key.length() - 1));
            } else if (constants.containsKey(key)) {
                keys.add(constants.get(key));
            }
        }
        return keys;
    }

    /** The public static final String fields of one of AnnualReviewCycleProcess's name holders. */
    private static Map<String, String> constants(Class<?> holder) {
        var constants = new TreeMap<String, String>();
        for (Field field : holder.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && field.getType() == String.class) {
                try {
                    constants.put(field.getName(), (String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return constants;
    }
}

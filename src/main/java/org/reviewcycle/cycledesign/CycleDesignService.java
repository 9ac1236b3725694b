package org.reviewcycle.cycledesign;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;


import org.camunda.bpm.dmn.engine.DmnEngineException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.reviewcycle.common.CurrentActor;
import org.reviewcycle.common.InvalidInput;
import org.reviewcycle.common.NotFoundException;
import org.reviewcycle.deploygate.SafeXml;
import org.reviewcycle.dryrun.DryRunModel;
import org.reviewcycle.dryrun.DryRunReport;
import org.reviewcycle.dryrun.DryRunService;
import org.reviewcycle.history.AdministrationHistory.Subject;
import org.reviewcycle.history.AdministrationHistory;
import org.reviewcycle.process.AnnualReviewCycleProcess;
import org.reviewcycle.school.School;
import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The versions of a school's cycle, and publishing a changed file of it. A version is one
 * deployment for the school's tenant holding the whole cycle (the model, the review plan and every
 * form): the forms are bound to the deployment of their model, so a changed form or decision is
 * deployed together with everything else, and a changed model with its forms.
 * <p>
 * The caller has checked that the person administers {@code school} (system.AdminPages).
 */
@Service
public class CycleDesignService {

    /**
     * The deployments published here: a name other than the start-up's (process.SchoolDeployments),
     * whose duplicate filtering compares with the latest deployment of its own name, so a restart
     * does not deploy the shipped files over a school's published version.
     */
    static final String DEPLOYMENT_NAME = "ReviewCycle (published in the editor)";
    static final String DEPLOYMENT_SOURCE = "ReviewCycle editor";
    static final int MAX_FILE_LENGTH = 500_000;
    static final int MAX_COMMENT_LENGTH = 1000;
    private static final int VERSIONS_SHOWN = 100;
    private static final ZoneId ZONE = ZoneId.systemDefault();

    private final RepositoryService repository;
    private final PublishedVersionMapper published;
    private final AdministrationHistory history;
    private final StaffService staff;
    private final CurrentActor actor;
    private final ObjectMapper json;
    private final DryRunService dryRuns;
    private final TransactionTemplate transaction;

    CycleDesignService(RepositoryService repository, PublishedVersionMapper published, AdministrationHistory history,
            StaffService staff, CurrentActor actor, ObjectMapper json, DryRunService dryRuns,
            PlatformTransactionManager transactionManager) {
        this.dryRuns = dryRuns;
        this.transaction = new TransactionTemplate(transactionManager);
        this.repository = repository;
        this.published = published;
        this.history = history;
        this.staff = staff;
        this.actor = actor;
        this.json = json;
    }

    /** The school's versions of the cycle, newest first (the first is current: new reviews start on it). */
    @Transactional(readOnly = true)
    public List<CycleVersion> versions(School school) {
        List<ProcessDefinition> definitions = repository.createProcessDefinitionQuery()
                .processDefinitionKey(AnnualReviewCycleProcess.KEY).tenantIdIn(school.code())
                .orderByProcessDefinitionVersion().desc().listPage(0, VERSIONS_SHOWN);
        Map<String, Deployment> deployments = repository.createDeploymentQuery().tenantIdIn(school.code()).list()
                .stream().collect(Collectors.toMap(Deployment::getId, Function.identity()));
        Map<String, PublishedVersion> ours = published.selectBySchool(school.id()).stream()
                .collect(Collectors.toMap(PublishedVersion::deploymentId, Function.identity()));
        return definitions.stream().map(definition -> {
            Deployment deployment = deployments.get(definition.getDeploymentId());
            PublishedVersion version = ours.get(definition.getDeploymentId());
            return new CycleVersion(definition.getVersion(), definition.getDeploymentId(),
                    deployment == null ? null : time(deployment.getDeploymentTime()),
                    version == null ? null : nameOf(version.publishedBy()),
                    version == null ? null : version.comment(),
                    version == null ? null : version.fileName(),
                    definition == definitions.get(0));
        }).toList();
    }

    /** The files of the school's current version, the model first, then the decision, then the forms. */
    @Transactional(readOnly = true)
    public List<CycleFile> files(School school) {
        return repository.getDeploymentResourceNames(currentDeploymentId(school)).stream()
                .map(CycleFile::of).filter(f -> f != null).sorted().toList();
    }

    /** One file of the school's current version, as the editor opens it; 404 for a file the cycle does not have. */
    @Transactional(readOnly = true)
    public String content(School school, String fileName) {
        String deploymentId = currentDeploymentId(school);
        requireFile(deploymentId, fileName);
        return text(deploymentId, fileName);
    }

    private String text(String deploymentId, String fileName) {
        try (InputStream content = repository.getResourceAsStream(deploymentId, fileName)) {
            return new String(content.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + fileName + " of the cycle", e);
        }
    }

    /**
     * Publishes {@code content} as the new {@code fileName} of the school's cycle: a new version,
     * the current version's other files unchanged, deployed for the school's tenant. The one way a
     * changed file is published: every check before a version goes live belongs here. The changed
     * cycle first runs in a dry run (dryrun.DryRunService, never on the live tenant), and is refused
     * while that finds a problem. A file the dry run, the engine or its deploy gate refuses is an
     * {@link InvalidInput} naming what is wrong, and nothing is deployed or recorded; who published it and their comment are kept with the
     * version, and in the school's history.
     *
     * @return the new version's number
     */
    public int publish(School school, String fileName, String content, String comment) {
        String why = requireCommentAndContent(content, comment);
        String deploymentId = currentDeploymentId(school);
        CycleFile file = requireFile(deploymentId, fileName);
        // what can be said without running anything first, in the words of the rule it breaks
        if (file.kind() == CycleFile.Kind.FORM) {
            requireFormRules(file, content, text(deploymentId, fileName));
        } else {
            requireIds(file, fileName, content);
        }
        // the dry run first, in its own transaction that is always rolled back: it takes the engine's
        // deployment lock until then, which this publication's transaction would otherwise wait for
        DryRunReport dryRun;
        try {
            dryRun = dryRuns.dryRun(school.id(), changedModel(file, fileName, content));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw InvalidInput.of("content", fileName + " cannot be published: " + e.getMessage());
        }
        if (!dryRun.passed()) {
            throw InvalidInput.of("content", dryRun.refusal());
        }
        return transaction.execute(status -> deploy(school, deploymentId, fileName, content, why));
    }

    /** The changed file as the dry run takes it: the rest of the cycle is the school's current one. */
    private DryRunModel changedModel(CycleFile file, String fileName, String content) {
        return switch (file.kind()) {
            case BPMN -> new DryRunModel(content, null, Map.of());
            case DMN -> new DryRunModel(null, content, Map.of());
            case FORM -> new DryRunModel(null, null, Map.of(formId(fileName, content), content));
        };
    }

    private String formId(String fileName, String content) {
        String base = fileName.substring(0, fileName.length() - ".form".length());
        try {
            return json.readTree(content).path("id").asText(base);
        } catch (JsonProcessingException e) {
            throw InvalidInput.of("content", fileName + " is not a form: it is not JSON (" + e.getOriginalMessage() + ")");
        }
    }

    private static String requireCommentAndContent(String content, String comment) {
        var problems = new InvalidInput.Problems();
        String why = null;
        if (comment == null || comment.isBlank()) {
            problems.add("comment", "Say what changed, and why, in the comment: the school's history keeps it");
        } else {
            why = problems.text("comment", "The comment", comment, MAX_COMMENT_LENGTH);
        }
        if (content == null || content.isBlank()) {
            problems.add("content", "The file is empty: there is nothing to publish");
        } else if (content.length() > MAX_FILE_LENGTH) {
            problems.add("content", "The file is too large to publish (" + content.length() + " characters; at most "
                    + MAX_FILE_LENGTH + ")");
        }
        problems.throwIfAny();
        return why;
    }

    /** The checked file deployed with the other files of the version {@code deploymentId}, as the next version. */
    private int deploy(School school, String deploymentId, String fileName, String content, String why) {
        var deployment = repository.createDeployment().name(DEPLOYMENT_NAME).source(DEPLOYMENT_SOURCE)
                .tenantId(school.code());
        for (String name : repository.getDeploymentResourceNames(deploymentId)) {
            if (name.equals(fileName)) {
                deployment.addInputStream(name, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
            } else {
                deployment.addInputStream(name, repository.getResourceAsStream(deploymentId, name));
            }
        }
        DeploymentWithDefinitions deployed;
        try {
            deployed = deployment.deployWithResult();
        } catch (ParseException e) {
            throw InvalidInput.of("content", refusal(fileName, e));
        } catch (ProcessEngineException | DmnEngineException e) {
            throw InvalidInput.of("content", fileName + " cannot be published: " + withoutCode(e.getMessage()));
        }
        ProcessDefinition cycle = requireDefinitions(deployed);

        String by = actor.username();
        published.insertVersion(new PublishedVersion(deployed.getId(), school.id(), fileName, why, by, null));
        history.record(new Subject(school.id(), null, "Cycle", null, "The annual review cycle"),
                "Published version " + cycle.getVersion() + " of the cycle", null,
                AdministrationHistory.fields("Version", Integer.toString(cycle.getVersion()), "Changed file", fileName,
                        "Comment", why));
        return cycle.getVersion();
    }

    private String currentDeploymentId(School school) {
        ProcessDefinition current = repository.createProcessDefinitionQuery()
                .processDefinitionKey(AnnualReviewCycleProcess.KEY).tenantIdIn(school.code()).latestVersion()
                .singleResult();
        if (current == null) {
            throw new NotFoundException(school.name() + " has no cycle deployed yet.");
        }
        return current.getDeploymentId();
    }

    private CycleFile requireFile(String deploymentId, String fileName) {
        CycleFile file = fileName == null ? null : CycleFile.of(fileName);
        if (file == null || !repository.getDeploymentResourceNames(deploymentId).contains(fileName)) {
            throw new NotFoundException("The cycle has no file " + fileName + ".");
        }
        return file;
    }

    /**
     * Tasklist finds a form by its id (camunda:formRef), which must stay the file's name; and the
     * form keeps the fields it had, under their keys: the task's listener reads each of them and
     * refuses a submission with a field it does not know (process.FormSubmission), so a field can
     * be relabelled, reworded, moved or given other rules, but not added, removed or renamed here.
     */
    private void requireFormRules(CycleFile file, String content, String current) {
        JsonNode form;
        try {
            form = json.readTree(content);
        } catch (JsonProcessingException e) {
            throw InvalidInput.of("content", file.name() + " is not a form: it is not valid JSON (line "
                    + e.getLocation().getLineNr() + ").");
        }
        if (!form.path("id").asText("").equals(file.title())) {
            throw InvalidInput.of("content", "The form's id must stay " + file.title()
                    + ": the cycle's task finds its form by it.");
        }
        Set<String> keys = fieldKeys(form.path("components"), new TreeSet<>());
        Set<String> kept;
        try {
            kept = fieldKeys(json.readTree(current).path("components"), new TreeSet<>());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The current " + file.name() + " cannot be read", e);
        }
        var missing = new TreeSet<>(kept);
        missing.removeAll(keys);
        var unknown = new TreeSet<>(keys);
        unknown.removeAll(kept);
        if (!missing.isEmpty()) {
            throw InvalidInput.of("content", "The form must keep the field" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " (by key): the cycle reads what is entered there.");
        }
        if (!unknown.isEmpty()) {
            throw InvalidInput.of("content", "The form has a field the cycle does not read (key "
                    + String.join(", ", unknown) + "): staff could not submit it. Change the fields it has instead.");
        }
    }

    /** The keys of the fields people fill in: components with a type and a key, also inside groups and lists. */
    private static Set<String> fieldKeys(JsonNode components, Set<String> keys) {
        for (JsonNode component : components) {
            if (component.hasNonNull("type") && component.hasNonNull("key")) {
                keys.add(component.get("key").asText());
            }
            fieldKeys(component.path("components"), keys);
        }
        return keys;
    }

    /**
     * Before the dry run: the changed model must still define the process, the changed decision
     * table the decision, under the ids the services start and call. Read with a parser that takes
     * no DOCTYPE (the deploy gate reads every deployment the same way).
     */
    private static void requireIds(CycleFile file, String fileName, String content) {
        Document document;
        try {
            document = SafeXml.parse(content.getBytes(StandardCharsets.UTF_8));
        } catch (SafeXml.NotReadable e) {
            throw InvalidInput.of("content", fileName + " cannot be published: " + e.getMessage());
        }
        boolean bpmn = file.kind() == CycleFile.Kind.BPMN;
        // any version of the standard's namespace: the element's name is what matters
        NodeList elements = document.getElementsByTagNameNS("*", bpmn ? "process" : "decision");
        String wanted = bpmn ? AnnualReviewCycleProcess.KEY : AnnualReviewCycleProcess.REVIEW_PLAN_DECISION;
        for (int i = 0; i < elements.getLength(); i++) {
            if (wanted.equals(((Element) elements.item(i)).getAttribute("id"))) {
                return;
            }
        }
        throw InvalidInput.of("content", bpmn
                ? "The model must keep the process id " + wanted + ": reviews are started by it."
                : "The review plan must keep the decision id " + wanted + ": the cycle asks it how many observations each person has.");
    }

    /** The new version must still hold the cycle and its review plan, under the ids the services start and call. */
    private static ProcessDefinition requireDefinitions(DeploymentWithDefinitions deployed) {
        var cycle = deployed.getDeployedProcessDefinitions() == null ? null
                : deployed.getDeployedProcessDefinitions().stream()
                        .filter(d -> d.getKey().equals(AnnualReviewCycleProcess.KEY)).findFirst().orElse(null);
        if (cycle == null) {
            throw InvalidInput.of("content", "The model must keep the process id " + AnnualReviewCycleProcess.KEY
                    + ": reviews are started by it.");
        }
        boolean plan = deployed.getDeployedDecisionDefinitions() != null && deployed.getDeployedDecisionDefinitions()
                .stream().anyMatch(d -> d.getKey().equals(AnnualReviewCycleProcess.REVIEW_PLAN_DECISION));
        if (!plan) {
            throw InvalidInput.of("content", "The review plan must keep the decision id "
                    + AnnualReviewCycleProcess.REVIEW_PLAN_DECISION + ": the cycle asks it how many observations each person has.");
        }
        return cycle;
    }

    /** The engine's parse errors as sentences: where (line, element) and what. */
    private static String refusal(String fileName, ParseException e) {
        var problems = e.getResorceReports().stream().flatMap(report -> report.getErrors().stream())
                .map(p -> (p.getMainElementId() == null ? "" : p.getMainElementId() + ": ") + withoutCode(p.getMessage())
                        + (p.getLine() > 0 ? " (line " + p.getLine() + ")" : ""))
                .distinct().limit(5).toList();
        return fileName + " cannot be published: " + (problems.isEmpty() ? withoutCode(e.getMessage())
                : String.join("; ", problems)) + ".";
    }

    /** Camunda's messages start with a code (ENGINE-09005) that says nothing to an admin. */
    private static String withoutCode(String message) {
        String text = message == null ? "the engine refused it" : message.replaceFirst("^[A-Z]+-\\d+\\s*", "").strip();
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    private String nameOf(String username) {
        return staff.findByUsername(username).map(StaffMember::fullName).orElse(username);
    }

    private static LocalDateTime time(Date date) {
        return date == null ? null : LocalDateTime.ofInstant(date.toInstant(), ZONE);
    }
}

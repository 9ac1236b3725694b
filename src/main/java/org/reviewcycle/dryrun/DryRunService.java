package org.reviewcycle.dryrun;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.reviewcycle.common.CurrentActor;
import org.reviewcycle.common.NotFoundException;
import org.reviewcycle.process.AnnualReviewCycleProcess;
import org.reviewcycle.process.CycleLauncher;
import org.reviewcycle.review.ReviewFacts;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.school.ReviewCycle;
import org.reviewcycle.school.School;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffCategory;
import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The dry run of a school's cycle model (see the package's description).
 * <p>
 * <b>Where it runs.</b> On the application's own engine, inside one transaction that is always
 * rolled back. The model needs our task listeners and delegates, which read and write our tables
 * (the review, its objectives, observations), the school's staff and priorities, and the cycle's
 * dates: a separate in-memory engine would need a copy of all of that, and would then test the
 * copy. Here, the engine's commands join the Spring transaction (one DataSource), so the sandbox
 * deployment (under a tenant id of its own, {@code dryrun-...}, that no school has), the reviews,
 * their tasks, jobs, history and our rows are all undone by the rollback. Each staff category's
 * path runs in a nested transaction (a savepoint), rolled back before the next, so that one path's
 * error or rows never meet another's. The dry run's reviews go into a copy of the school's current
 * cycle (same dates, a made-up academic year), since each person has one review per cycle.
 * Timers are passed at once with {@code ManagementService.executeJob}; nothing is committed, so the
 * job executor never sees a job and no reminder is ever sent. Concurrent dry runs have their own
 * tenant and cycle copy; the engine's deployment lock (held from the sandbox deployment until the
 * rollback) makes them, and any deployment, wait for each other for the few seconds a dry run takes.
 * What the engine cached of the sandbox deployment (its parsed process, decision and forms) is
 * taken out of the cache before the rollback.
 * <p>
 * The engine runs the dry run as itself (no one logged in), as the launch does, so that the tenant
 * check, which knows no sandbox tenant, and the staff command guards stay out of it; who may run a
 * dry run is checked by the callers (only the school's admins and trust admins).
 */
@Service
public class DryRunService {

    /** Steps one path may take before it is reported as never ending. */
    static final int MAX_STEPS = 60;
    static final String SANDBOX_TENANT_PREFIX = "dryrun-";

    private static final Logger log = LoggerFactory.getLogger(DryRunService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SchoolService schools;
    private final StaffService staff;
    private final ReviewService reviews;
    private final CycleLauncher launcher;
    private final DryRunMapper mapper;
    private final CurrentActor actor;
    private final ProcessEngine engine;
    private final PlatformTransactionManager transactions;
    private final Clock clock;

    DryRunService(SchoolService schools, StaffService staff, ReviewService reviews, CycleLauncher launcher,
            DryRunMapper mapper, CurrentActor actor, ProcessEngine engine, PlatformTransactionManager transactions,
            ObjectProvider<Clock> clock) {
        this.schools = schools;
        this.staff = staff;
        this.reviews = reviews;
        this.launcher = launcher;
        this.mapper = mapper;
        this.actor = actor;
        this.engine = engine;
        this.transactions = transactions;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    /** One category's sample: the person whose review runs and their reviewer; or why nobody's can. */
    private record Sample(StaffCategory category, StaffMember reviewee, StaffMember reviewer, String notRun) {
    }

    /**
     * Runs {@code model} for the school, once per staff category it has staff in, and reports what
     * happened. Refused (IllegalArgumentException, IllegalStateException, with the sentence why)
     * when the school has no cycle to take dates from or no cycle deployed, or a file is unreadable;
     * what the model does wrong is in the report.
     */
    public DryRunReport dryRun(long schoolId, DryRunModel model) {
        School school = schools.findSchool(schoolId).orElseThrow(() -> new NotFoundException("No school " + schoolId));
        ReviewCycle cycle = currentCycle(school);
        Map<String, byte[]> resources = resources(school, model);
        Map<String, JsonNode> forms = forms(resources);
        LocalDate today = LocalDate.now(clock);
        List<Sample> samples = samples(school, cycle, today);
        String description = model.changed() ? "the changed model" : "the cycle " + school.name() + " runs now";

        long started = System.nanoTime();
        var run = new Run(school, cycle, forms, today);
        Authentication caller = engine.getIdentityService().getCurrentAuthentication();
        engine.getIdentityService().clearAuthentication();
        try {
            TransactionStatus sandbox = transactions.getTransaction(
                    new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_REQUIRES_NEW));
            try {
                run.inSandbox(resources, samples);
            } finally {
                transactions.rollback(sandbox);
            }
        } finally {
            if (caller != null) {
                engine.getIdentityService().setAuthentication(caller);
            }
        }
        log.info("Dry run of {} for {}: {} paths, {} problems, in {} ms", description, school.name(), run.paths.size(),
                run.problems.size(), (System.nanoTime() - started) / 1_000_000);
        return new DryRunReport(school.name(), cycle.academicYear(), description, List.copyOf(run.paths),
                List.copyOf(run.problems), List.copyOf(run.notes));
    }

    /** The cycle whose dates the dry run keeps: the latest that is not closed, else the latest. */
    private ReviewCycle currentCycle(School school) {
        List<ReviewCycle> cycles = schools.cyclesOf(school.id());
        return cycles.stream().filter(c -> !c.closed()).findFirst()
                .or(() -> cycles.stream().findFirst())
                .orElseThrow(() -> new IllegalStateException(school.name() + " has no review cycle yet. The dry run "
                        + "takes its due dates from the school's cycle: plan this year's on the Cycles page first."));
    }

    /** The files of the school's current deployment of the cycle, with those of {@code model} in their place. */
    private Map<String, byte[]> resources(School school, DryRunModel model) {
        var repository = engine.getRepositoryService();
        ProcessDefinition current = repository.createProcessDefinitionQuery()
                .processDefinitionKey(AnnualReviewCycleProcess.KEY).tenantIdIn(school.code()).latestVersion()
                .singleResult();
        if (current == null) {
            throw new IllegalStateException(school.name() + " has no cycle deployed to start from; restart "
                    + "ReviewCycle, which deploys it for every school");
        }
        var resources = new LinkedHashMap<String, byte[]>();
        for (String name : repository.getDeploymentResourceNames(current.getDeploymentId())) {
            try (InputStream content = repository.getResourceAsStream(current.getDeploymentId(), name)) {
                resources.put(name, content.readAllBytes());
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read " + name + " of " + school.name() + "'s cycle", e);
            }
        }
        if (model.bpmnXml() != null) {
            resources.keySet().removeIf(name -> name.endsWith(".bpmn"));
            resources.put(AnnualReviewCycleProcess.KEY + ".bpmn", model.bpmnXml().getBytes(StandardCharsets.UTF_8));
        }
        if (model.dmnXml() != null) {
            resources.keySet().removeIf(name -> name.endsWith(".dmn"));
            resources.put(AnnualReviewCycleProcess.REVIEW_PLAN_DECISION + ".dmn",
                    model.dmnXml().getBytes(StandardCharsets.UTF_8));
        }
        model.formsByKey().forEach((key, form) -> {
            resources.keySet().removeIf(name -> name.endsWith(".form") && key.equals(formId(name, resources.get(name))));
            resources.put(key + ".form", form.getBytes(StandardCharsets.UTF_8));
        });
        return resources;
    }

    /** The forms among the files, by their id (what a user task's camunda:formRef names). */
    private static Map<String, JsonNode> forms(Map<String, byte[]> resources) {
        var forms = new HashMap<String, JsonNode>();
        resources.forEach((name, content) -> {
            if (name.endsWith(".form")) {
                try {
                    JsonNode form = JSON.readTree(content);
                    forms.put(form.path("id").asText(name.substring(0, name.length() - ".form".length())), form);
                } catch (IOException e) {
                    throw new IllegalArgumentException("The form " + name + " is not valid JSON: "
                            + (e instanceof com.fasterxml.jackson.core.JsonProcessingException json
                                    ? json.getOriginalMessage() : e.getMessage()));
                }
            }
        });
        return forms;
    }

    private static String formId(String name, byte[] content) {
        try {
            return JSON.readTree(content).path("id").asText(name.substring(0, name.length() - ".form".length()));
        } catch (IOException e) {
            return name;
        }
    }

    /**
     * A sample member of staff per category the school has staff in: the first, by name, whom a
     * launch would give a review. A category where nobody would get one is reported with the reason.
     */
    private List<Sample> samples(School school, ReviewCycle cycle, LocalDate today) {
        List<StaffMember> everyone = staff.staffOf(school.id());
        Map<Long, StaffMember> byId = new HashMap<>();
        everyone.forEach(member -> byId.put(member.id(), member));
        Map<StaffCategory, List<StaffMember>> byCategory = everyone.stream()
                .filter(m -> m.active() && (m.leftOn() == null || m.leftOn().isAfter(today)))
                .sorted(Comparator.comparing(StaffMember::lastName).thenComparing(StaffMember::firstName))
                .collect(Collectors.groupingBy(StaffMember::category, LinkedHashMap::new, Collectors.toList()));
        var samples = new ArrayList<Sample>();
        for (StaffCategory category : StaffCategory.values()) {
            List<StaffMember> members = byCategory.getOrDefault(category, List.of());
            if (members.isEmpty()) {
                continue;
            }
            String firstReason = null;
            Sample sample = null;
            for (StaffMember member : members) {
                String reason = launcher.reasonForNoReview(member, cycle, today, byId);
                if (reason == null) {
                    sample = new Sample(category, member, byId.get(member.reviewerId()), null);
                    break;
                }
                firstReason = firstReason == null ? member.fullName() + " gets no review at a launch: " + reason
                        + (category == StaffCategory.HEADTEACHER ? " (a headteacher is reviewed by the governors)." : ".")
                        : firstReason;
            }
            samples.add(sample != null ? sample : new Sample(category, members.get(0), null, firstReason));
        }
        return samples;
    }

    /** One dry run: what it found, and the work of running it in the sandbox. */
    private final class Run {

        final School school;
        final ReviewCycle cycle;
        final Map<String, JsonNode> forms;
        final FormAnswers answers;
        final List<DryRunPath> paths = new ArrayList<>();
        final Set<String> problems = new LinkedHashSet<>();
        /** What went wrong on the paths (the same step, the same words), with the categories it went wrong for. */
        final Map<String, List<String>> pathProblems = new LinkedHashMap<>();
        final List<String> notes = new ArrayList<>();
        final Set<String> visited = new HashSet<>();
        final Set<String> heads;

        Run(School school, ReviewCycle cycle, Map<String, JsonNode> forms, LocalDate today) {
            this.school = school;
            this.cycle = cycle;
            this.forms = forms;
            this.answers = new FormAnswers(configuration().getDmnEngineConfiguration().getFeelEngine(), today);
            this.heads = staff.headsOf(school.id()).stream().map(StaffMember::username).collect(Collectors.toSet());
        }

        void inSandbox(Map<String, byte[]> resources, List<Sample> samples) {
            String tenant = SANDBOX_TENANT_PREFIX + UUID.randomUUID().toString().substring(0, 8);
            DeploymentWithDefinitions deployment;
            try {
                var builder = engine.getRepositoryService().createDeployment().name("Dry run").tenantId(tenant);
                resources.forEach((name, content) -> builder.addInputStream(name, new ByteArrayInputStream(content)));
                deployment = builder.deployWithResult();
            } catch (RuntimeException e) {
                problems.add("The model cannot be deployed: " + sentence(e));
                return;
            }
            try {
                ProcessDefinition definition = process(deployment);
                if (definition == null) {
                    problems.add("The model has no executable process to run.");
                    return;
                }
                BpmnModelInstance bpmn = engine.getRepositoryService().getBpmnModelInstance(definition.getId());
                ReviewCycle sandboxCycle = sandboxCycle();
                for (Sample sample : samples) {
                    if (sample.notRun() != null) {
                        paths.add(DryRunPath.notRun(sample.category().label(), sample.reviewee().fullName(),
                                sample.notRun()));
                        continue;
                    }
                    TransactionStatus path = transactions.getTransaction(
                            new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED));
                    try {
                        paths.add(runPath(sample, definition.getId(), bpmn, sandboxCycle));
                    } finally {
                        transactions.rollback(path);
                    }
                }
                pathProblems.forEach((problem, categories) -> problems.add(
                        (problem.endsWith(".") ? problem.substring(0, problem.length() - 1) : problem)
                        + " (on the path" + (categories.size() == 1 ? " of " : "s of ") + String.join(", ", categories)
                        + ")."));
                if (paths.stream().noneMatch(DryRunPath::run)) {
                    problems.add("Nothing could be run: nobody at " + school.name() + " would get a review yet. Give "
                            + "the staff their reviewers, then run the dry run again.");
                }
                reachability(bpmn, definition.getKey());
                var missing = new ArrayList<String>();
                for (StaffCategory category : StaffCategory.values()) {
                    if (samples.stream().noneMatch(s -> s.category() == category)) {
                        missing.add(category.label());
                    }
                }
                if (!missing.isEmpty()) {
                    notes.add("Nobody at " + school.name() + " is in these categories, so their paths were not tried: "
                            + String.join(", ", missing) + ".");
                }
            } finally {
                forget(deployment.getId());
            }
        }

        private ProcessDefinition process(DeploymentWithDefinitions deployment) {
            List<ProcessDefinition> definitions = deployment.getDeployedProcessDefinitions();
            if (definitions == null || definitions.isEmpty()) {
                return null;
            }
            return definitions.stream().filter(d -> AnnualReviewCycleProcess.KEY.equals(d.getKey())).findFirst()
                    .orElse(definitions.get(0));
        }

        private ReviewCycle sandboxCycle() {
            // sorts after the real year and before the next, so "last year's objectives" are found as for the real one
            String year = cycle.academicYear().substring(0, 4) + "~" + UUID.randomUUID().toString().substring(0, 2);
            mapper.insertSandboxCycle(cycle.id(), year, actor.username());
            return schools.findCycle(school.id(), year).orElseThrow();
        }

        private DryRunPath runPath(Sample sample, String definitionId, BpmnModelInstance bpmn, ReviewCycle sandboxCycle) {
            String category = sample.category().label();
            var steps = new ArrayList<DryRunStep>();
            // each problem as the admin reads it: what is wrong, and where
            var found = new ArrayList<String>();
            String at = "the start";
            String instanceId = null;
            boolean ended = false;
            try {
                ReviewFacts facts = reviews.openReviews(sandboxCycle, school, List.of(sample.reviewee()),
                        Map.of(sample.reviewee().id(), sample.reviewer())).get(0);
                instanceId = launcher.startReview(definitionId, facts, school).getId();
                int count = 0;
                while (!(ended = ended(instanceId)) && count < MAX_STEPS) {
                    List<Task> open = engine.getTaskService().createTaskQuery().processInstanceId(instanceId)
                            .orderByTaskCreateTime().asc().list();
                    if (!open.isEmpty()) {
                        Task task = open.get(0);
                        at = names(List.of(task.getTaskDefinitionKey()), bpmn);
                        steps.add(DryRunStep.task(task.getName(), assignees(task, sample, at, found),
                                day(task.getDueDate())));
                        complete(task, bpmn);
                        count++;
                        continue;
                    }
                    Job job = engine.getManagementService().createJobQuery().processInstanceId(instanceId)
                            .orderByJobDuedate().asc().list().stream().findFirst().orElse(null);
                    if (job != null) {
                        String activityId = activityOf(job);
                        at = activityId == null ? "a date in the model" : names(List.of(activityId), bpmn);
                        if (job.getDuedate() != null) {
                            steps.add(DryRunStep.timer(activityId == null ? at : plainName(activityId, bpmn),
                                    day(job.getDuedate())));
                        }
                        engine.getManagementService().executeJob(job.getId());
                        count++;
                        continue;
                    }
                    List<String> waiting = engine.getRuntimeService().getActiveActivityIds(instanceId);
                    found.add("The review stops at " + names(waiting, bpmn)
                            + ", waiting for something nobody does (no task and no date to wait for).");
                    break;
                }
                if (!ended && count >= MAX_STEPS) {
                    found.add("The review never ends: after " + MAX_STEPS + " steps it was still going, last at " + at
                            + ". Check that every loop has a way out.");
                }
            } catch (RuntimeException e) {
                found.add("The model stops with an error at " + at + ": " + sentence(e));
            }
            if (instanceId != null) {
                engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instanceId).list()
                        .forEach(activity -> visited.add(activity.getActivityId()));
            }
            found.forEach(problem -> pathProblems.computeIfAbsent(problem, p -> new ArrayList<>()).add(category));
            return new DryRunPath(category, sample.reviewee().fullName(), sample.reviewer().fullName(), null,
                    List.copyOf(steps), ended, List.copyOf(found));
        }

        private boolean ended(String instanceId) {
            return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId).count() == 0;
        }

        /** Submits the task's form with generated answers, as Tasklist would. */
        private void complete(Task task, BpmnModelInstance bpmn) {
            ModelElementInstance element = bpmn.getModelElementById(task.getTaskDefinitionKey());
            String formRef = element instanceof UserTask userTask ? userTask.getCamundaFormRef() : null;
            if (formRef == null) {
                engine.getTaskService().complete(task.getId());
                return;
            }
            JsonNode form = forms.get(formRef);
            if (form == null) {
                throw new IllegalStateException("the task's form “" + formRef + "” is not among the model's forms");
            }
            var variables = new HashMap<String, Object>();
            engine.getTaskService().getVariables(task.getId())
                    .forEach((name, value) -> variables.put(name, FormAnswers.readable(value)));
            engine.getFormService().submitTaskForm(task.getId(), answers.answer(form, variables));
        }

        /** Who gets the task, by name and role; a problem when nobody can. */
        private String assignees(Task task, Sample sample, String at, List<String> found) {
            if (task.getAssignee() != null) {
                StaffMember person = staff.findByUsername(task.getAssignee()).orElse(null);
                if (person == null || !person.active() || !person.schoolId().equals(school.id())) {
                    found.add(at + " goes to “" + task.getAssignee() + "”, who is not on " + school.name()
                            + "'s staff, so nobody can do it.");
                    return task.getAssignee() + " (not on the staff)";
                }
                return person.fullName() + role(person.username(), sample);
            }
            var offeredTo = new ArrayList<String>();
            for (IdentityLink link : engine.getTaskService().getIdentityLinksForTask(task.getId())) {
                if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                    continue;
                }
                if (link.getUserId() != null) {
                    staff.findByUsername(link.getUserId()).filter(StaffMember::active)
                            .ifPresent(p -> offeredTo.add(p.fullName() + role(p.username(), sample)));
                } else if (link.getGroupId() != null) {
                    engine.getIdentityService().createUserQuery().memberOfGroup(link.getGroupId()).list().stream()
                            .map(User::getId).map(staff::findByUsername).flatMap(java.util.Optional::stream)
                            .filter(StaffMember::active)
                            .forEach(p -> offeredTo.add(p.fullName() + role(p.username(), sample)));
                }
            }
            if (offeredTo.isEmpty()) {
                found.add("Nobody can be given " + at + ": the model names no one who can do it "
                        + "(no assignee, and no person or group with anyone in it).");
                return "nobody";
            }
            return "offered to " + offeredTo.stream().distinct().collect(Collectors.joining(", "));
        }

        private String role(String username, Sample sample) {
            if (username.equals(sample.reviewee().username())) {
                return " (the member of staff)";
            }
            if (username.equals(sample.reviewer().username())) {
                return " (reviewer)";
            }
            return heads.contains(username) ? " (head)" : "";
        }

        private String activityOf(Job job) {
            return engine.getManagementService().createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
                    .list().stream().findFirst().map(definition -> definition.getActivityId()).orElse(null);
        }

        /**
         * The model's elements that no path reached: a problem when no sequence flow leads to one
         * from a start (nobody can ever meet it); a note when one does, on answers the dry run did
         * not give (a head returning objectives, say).
         */
        private void reachability(BpmnModelInstance bpmn, String processKey) {
            Process process = bpmn.getModelElementById(processKey);
            if (process == null) {
                return;
            }
            Set<String> reachable = reachable(bpmn);
            var notReached = new ArrayList<String>();
            for (FlowNode node : bpmn.getModelElementsByType(FlowNode.class)) {
                if (visited.contains(node.getId())) {
                    continue;
                }
                if (!reachable.contains(node.getId())) {
                    problems.add(label(node) + " cannot be reached: no path from the start of the cycle leads to it.");
                } else if (node instanceof Activity) {
                    notReached.add(label(node));
                }
            }
            if (!notReached.isEmpty() && !paths.stream().allMatch(p -> !p.run())) {
                notes.add("Not met on any path of this dry run, which approves and agrees at every step: "
                        + String.join(", ", notReached) + ". Another answer (a return, a change) leads there.");
            }
        }

        private Set<String> reachable(BpmnModelInstance bpmn) {
            var reached = new HashSet<String>();
            var queue = new ArrayDeque<FlowNode>();
            for (StartEvent start : bpmn.getModelElementsByType(StartEvent.class)) {
                if (start.getParentElement() instanceof Process) {
                    queue.add(start);
                }
            }
            Collection<BoundaryEvent> boundaries = bpmn.getModelElementsByType(BoundaryEvent.class);
            Map<String, List<FlowNode>> next = next(bpmn);
            while (!queue.isEmpty()) {
                FlowNode node = queue.poll();
                if (!reached.add(node.getId())) {
                    continue;
                }
                queue.addAll(next.getOrDefault(node.getId(), List.of()));
                if (node instanceof SubProcess sub) {
                    sub.getChildElementsByType(StartEvent.class).forEach(queue::add);
                }
                for (BoundaryEvent boundary : boundaries) {
                    if (boundary.getAttachedTo() != null && boundary.getAttachedTo().getId().equals(node.getId())) {
                        queue.add(boundary);
                    }
                }
            }
            // an event subprocess starts on its event wherever its parent runs
            for (SubProcess sub : bpmn.getModelElementsByType(SubProcess.class)) {
                if (sub.triggeredByEvent()) {
                    reached.add(sub.getId());
                    sub.getChildElementsByType(StartEvent.class).forEach(start -> reached.addAll(downstream(start, next)));
                }
            }
            return reached;
        }

        private static Set<String> downstream(FlowNode from, Map<String, List<FlowNode>> next) {
            var reached = new HashSet<String>();
            var queue = new ArrayDeque<FlowNode>(List.of(from));
            while (!queue.isEmpty()) {
                FlowNode node = queue.poll();
                if (reached.add(node.getId())) {
                    queue.addAll(next.getOrDefault(node.getId(), List.of()));
                }
            }
            return reached;
        }

        /**
         * Where each element's flows lead, from the flows' own sourceRef and targetRef, as the engine reads
         * them: an element's {@code <bpmn:outgoing>} list is optional and may be missing (hand-written XML,
         * tools other than Camunda Modeler), so FlowNode.getOutgoing() cannot be trusted.
         */
        private static Map<String, List<FlowNode>> next(BpmnModelInstance bpmn) {
            var next = new HashMap<String, List<FlowNode>>();
            for (SequenceFlow flow : bpmn.getModelElementsByType(SequenceFlow.class)) {
                if (flow.getSource() != null && flow.getTarget() != null) {
                    next.computeIfAbsent(flow.getSource().getId(), id -> new ArrayList<>()).add(flow.getTarget());
                }
            }
            return next;
        }

        /** Takes what the engine cached of the sandbox deployment out of its cache, while its rows can still be read. */
        private void forget(String deploymentId) {
            ProcessEngineConfigurationImpl configuration = configuration();
            try {
                configuration.getCommandExecutorTxRequired().execute(context -> {
                    var cache = configuration.getDeploymentCache();
                    context.getCamundaFormDefinitionManager().findDefinitionsByDeploymentId(deploymentId)
                            .forEach(form -> cache.removeCamundaFormDefinition(form.getId()));
                    cache.removeDeployment(deploymentId);
                    return null;
                });
            } catch (RuntimeException e) {
                log.warn("Could not take the dry run's deployment {} out of the engine's cache", deploymentId, e);
            }
        }
    }

    private ProcessEngineConfigurationImpl configuration() {
        return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    private static String names(List<String> activityIds, BpmnModelInstance bpmn) {
        return activityIds.stream().map(id -> bpmn.getModelElementById(id) instanceof FlowNode node ? label(node)
                : "“" + id + "”").collect(Collectors.joining(", "));
    }

    /** The element's name as staff would read it, without its id. */
    private static String plainName(String activityId, BpmnModelInstance bpmn) {
        return bpmn.getModelElementById(activityId) instanceof FlowNode node && node.getName() != null
                && !node.getName().isBlank() ? node.getName().strip() : activityId;
    }

    private static String label(FlowNode node) {
        String name = node.getName();
        return name == null || name.isBlank() ? "the element " + node.getId() : "“" + name.strip() + "” (" + node.getId() + ")";
    }

    private static LocalDate day(Date date) {
        return date == null ? null : date.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
    }

    /**
     * What went wrong, as a sentence for the admin: the deepest cause's message (our listeners and
     * the engine's parser say what is wrong there), without the engine's message codes or a trace.
     */
    static String sentence(Throwable error) {
        Throwable cause = error;
        String message = null;
        while (cause != null) {
            if (internal(cause)) {
                // a database's or the JVM's own words (tables, constraints, null references) are for the log
                return "ReviewCycle's services met an error on the way (written to the server's log for its administrator).";
            }
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                message = cause.getMessage();
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        if (message == null) {
            return "the engine reported an error without a message.";
        }
        String text = message.replaceAll("ENGINE-\\d+\\s*", "").replaceAll("\\s+", " ").strip();
        if (text.length() > 400) {
            text = text.substring(0, 400) + "…";
        }
        return text.endsWith(".") ? text : text + ".";
    }

    /** An error whose message speaks of our code's insides rather than of the model. */
    private static boolean internal(Throwable error) {
        String type = error.getClass().getName();
        return error instanceof java.sql.SQLException || type.startsWith("org.apache.ibatis.")
                || type.startsWith("org.springframework.dao.") || error instanceof NullPointerException
                || error instanceof ClassCastException || error instanceof IndexOutOfBoundsException;
    }
}

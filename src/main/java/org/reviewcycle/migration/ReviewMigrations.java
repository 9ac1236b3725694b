package org.reviewcycle.migration;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.reviewcycle.common.CurrentActor;
import org.reviewcycle.common.InvalidInput;
import org.reviewcycle.common.NotFoundException;
import org.reviewcycle.cycledesign.CycleDesignService;
import org.reviewcycle.cycledesign.CycleVersion;
import org.reviewcycle.history.AdministrationHistory;
import org.reviewcycle.history.AdministrationHistory.Subject;
import org.reviewcycle.migration.MigrationMapper.Migration;
import org.reviewcycle.migration.MigrationMapper.MovedReview;
import org.reviewcycle.migration.MigrationMapper.RunningReview;
import org.reviewcycle.process.AnnualReviewCycleProcess;
import org.reviewcycle.school.School;
import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffService;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moving a school's running reviews onto another version of its cycle (the versions of
 * cycledesign.CycleDesignService). The preview asks the engine where each review is (its open
 * steps) and builds, per version the reviews are on, Camunda's migration plan: equal ids mapped
 * ({@code mapEqualActivities}), and a waiting step whose id changed but whose name and kind did not
 * mapped explicitly. A review cannot move when one of its open steps has no place in the plan, or
 * when the target version reads a variable the review has not got; the preview says so in words.
 * Starting a move re-reads all of it (never what a page sent) and runs the movable reviews as
 * Camunda batches ({@code executeAsync}), one per source version; the job executor runs them for
 * every tenant. Our tables are keyed by review id and the review row holds only the process
 * instance's id, which migration keeps, so nothing we store changes. Who moved what is kept in
 * review_migration (V14) and in the school's history.
 * <p>
 * The caller has checked that the person administers {@code school} (security.AdministeredSchools).
 */
@Service
public class ReviewMigrations {

    private static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";
    private static final int PAGE = 1000;
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");
    /** A name an expression reads: not after a dot (a property), not a call. */
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w])([A-Za-z_]\\w*+)(?!\\s*\\()");
    private static final Set<String> NOT_VARIABLES = Set.of("execution", "task", "true", "false", "null", "empty",
            "not", "and", "or", "eq", "ne", "lt", "gt", "le", "ge", "div", "mod", "instanceof");
    private static final int FAILURES_SHOWN = 200;

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final HistoryService engineHistory;
    private final ManagementService management;
    private final CycleDesignService design;
    private final MigrationMapper migrations;
    private final AdministrationHistory history;
    private final StaffService staff;
    private final CurrentActor actor;
    private final ListableBeanFactory beans;

    ReviewMigrations(RepositoryService repository, RuntimeService runtime, HistoryService engineHistory,
            ManagementService management, CycleDesignService design, MigrationMapper migrations,
            AdministrationHistory history, StaffService staff, CurrentActor actor, ListableBeanFactory beans) {
        this.repository = repository;
        this.runtime = runtime;
        this.engineHistory = engineHistory;
        this.management = management;
        this.design = design;
        this.migrations = migrations;
        this.history = history;
        this.staff = staff;
        this.actor = actor;
        this.beans = beans;
    }

    /** A step running reviews are at now, for choosing them by step. */
    public record Step(String activityId, String name, int reviews) {
    }

    /** The school's versions, newest first, as the choice of target offers them. */
    @Transactional(readOnly = true)
    public List<CycleVersion> versions(School school) {
        return design.versions(school);
    }

    /** The steps the school's running reviews are at, each with how many reviews, in the model's order of names. */
    @Transactional(readOnly = true)
    public List<Step> currentSteps(School school) {
        Survey survey = survey(school);
        var counts = new LinkedHashMap<String, Integer>();
        var names = new HashMap<String, String>();
        survey.byInstance.forEach((instanceId, review) -> {
            String definitionId = survey.definitionOf.get(instanceId);
            for (String activityId : survey.openSteps(instanceId)) {
                counts.merge(activityId, 1, Integer::sum);
                names.putIfAbsent(activityId, nameOf(model(definitionId), activityId));
            }
        });
        return counts.entrySet().stream().map(e -> new Step(e.getKey(), names.get(e.getKey()), e.getValue()))
                .sorted((a, b) -> a.name().compareToIgnoreCase(b.name())).toList();
    }

    /**
     * What moving the school's running reviews (those at {@code step}, or all when it is null or
     * blank) onto version {@code targetVersion} would do. Reviews on the target already are left out.
     */
    @Transactional(readOnly = true)
    public MigrationPreview preview(School school, Integer targetVersion, String step) {
        return plan(school, targetVersion, step).preview;
    }

    /**
     * Starts moving the movable reviews of the preview onto {@code targetVersion}, as Camunda
     * batches; returns the migration's id, for its progress. Refused with a sentence when none can move.
     */
    @Transactional
    public long start(School school, Integer targetVersion, String step) {
        Planned planned = plan(school, targetVersion, step);
        MigrationPreview preview = planned.preview;
        List<MigrationPreview.Row> movable = preview.movable();
        if (movable.isEmpty()) {
            throw InvalidInput.of("version", preview.rows().isEmpty()
                    ? "There is no running review to move onto version " + preview.targetVersion() + "."
                    : "None of the chosen reviews can move onto version " + preview.targetVersion() + ": "
                            + preview.rows().get(0).whyNot());
        }
        String chosen = step == null || step.isBlank() ? null : step;
        migrations.insertMigration(new Migration(null, school.id(), preview.targetVersion(),
                planned.target.getId(), chosen, movable.size(), preview.notMovable().size(), actor.username(), null));
        long id = migrations.lastMigrationId(school.id());

        Map<Integer, List<MigrationPreview.Row>> bySource = movable.stream()
                .collect(Collectors.groupingBy(MigrationPreview.Row::sourceVersion, java.util.TreeMap::new, Collectors.toList()));
        var sent = new ArrayList<MovedReview>();
        bySource.forEach((version, rows) -> {
            List<String> instanceIds = rows.stream().map(row -> planned.instanceOf.get(row.reviewId())).toList();
            Batch batch = runtime.newMigration(planned.plans.get(version)).processInstanceIds(instanceIds)
                    .skipCustomListeners().skipIoMappings().executeAsync();
            migrations.insertBatch(id, batch.getId(), version);
            rows.forEach(row -> sent.add(new MovedReview(row.reviewId(), planned.instanceOf.get(row.reviewId()),
                    version, null, null)));
        });
        for (int i = 0; i < sent.size(); i += PAGE) {
            migrations.insertReviews(id, sent.subList(i, Math.min(i + PAGE, sent.size())));
        }
        history.record(new Subject(school.id(), null, "Cycle", null, "The annual review cycle"),
                "Started moving " + movable.size() + (movable.size() == 1 ? " running review" : " running reviews")
                        + " onto version " + preview.targetVersion() + " of the cycle",
                null, AdministrationHistory.fields("Version", Integer.toString(preview.targetVersion()),
                        "Reviews", Integer.toString(movable.size()),
                        "From versions", bySource.keySet().stream().map(String::valueOf).collect(Collectors.joining(", ")),
                        "Left where they are", Integer.toString(preview.notMovable().size()),
                        "Reviews chosen", chosen == null ? "All running reviews" : "At " + stepName(planned, chosen)));
        return id;
    }

    /** Where the migration {@code migrationId} of the school stands; 404 for another school's. */
    @Transactional(readOnly = true)
    public MigrationProgress progress(School school, long migrationId) {
        Migration migration = migrations.selectMigration(school.id(), migrationId);
        if (migration == null) {
            throw new NotFoundException("There is no such move of reviews at " + school.name() + ".");
        }
        return progressOf(school, migration);
    }

    /** The school's moves of reviews, newest first, each as it stands. */
    @Transactional(readOnly = true)
    public List<MigrationProgress> migrations(School school) {
        return migrations.selectMigrations(school.id()).stream().limit(20).map(m -> progressOf(school, m)).toList();
    }

    private MigrationProgress progressOf(School school, Migration migration) {
        List<MovedReview> reviews = migrations.selectReviews(migration.id());
        Map<String, String> definitionOf = definitionsOf(reviews.stream().map(MovedReview::processInstanceId).toList());
        boolean finished = true;
        var failedJobs = new ArrayList<Job>();
        for (String batchId : migrations.selectBatchIds(migration.id())) {
            BatchStatistics statistics = management.createBatchStatisticsQuery().batchId(batchId).singleResult();
            if (statistics == null) {
                continue;
            }
            // done once every job has run, or has failed for good
            finished &= statistics.getRemainingJobs() <= statistics.getFailedJobs();
            if (statistics.getFailedJobs() > 0) {
                failedJobs.addAll(management.createJobQuery().jobDefinitionId(statistics.getBatchJobDefinitionId())
                        .noRetriesLeft().list());
            }
        }
        int moved = 0;
        int ended = 0;
        var notMoved = new ArrayList<MovedReview>();
        for (MovedReview review : reviews) {
            String definitionId = definitionOf.get(review.processInstanceId());
            if (definitionId == null) {
                ended++;
            } else if (definitionId.equals(migration.targetDefinitionId())) {
                moved++;
            } else {
                notMoved.add(review);
            }
        }
        var failures = new ArrayList<MigrationProgress.Failure>();
        var failedIds = new HashSet<String>();
        for (Job job : failedJobs) {
            String message = job.getExceptionMessage() == null ? "" : job.getExceptionMessage();
            notMoved.stream().filter(r -> message.contains(r.processInstanceId())).forEach(review -> {
                failedIds.add(review.processInstanceId());
                failures.add(new MigrationProgress.Failure(review.person(),
                        reason(school, message, review, migration.targetVersion())));
            });
        }
        if (finished) {
            // anything the batches did not move, whatever the engine said
            notMoved.stream().filter(r -> !failedIds.contains(r.processInstanceId())).forEach(review -> {
                failedIds.add(review.processInstanceId());
                failures.add(new MigrationProgress.Failure(review.person(), "It was not moved onto version "
                        + migration.targetVersion() + "; a trust administrator finds the engine's account in Cockpit, under Batches."));
            });
        }
        int failed = failedIds.size();
        return new MigrationProgress(migration.id(), migration.targetVersion(), nameOf(migration.startedBy()),
                migration.startedAt(), reviews.size(), moved, reviews.size() - moved - ended - failed, failed, ended,
                migration.leftCount(), finished, failures.stream().limit(FAILURES_SHOWN).toList());
    }

    /** The engine's reason for a review it did not move, in words: the step it names, if any. */
    private String reason(School school, String message, MovedReview review, int targetVersion) {
        ProcessDefinition source = repository.createProcessDefinitionQuery()
                .processDefinitionKey(AnnualReviewCycleProcess.KEY).tenantIdIn(school.code())
                .processDefinitionVersion(review.sourceVersion()).singleResult();
        if (source != null) {
            for (FlowNode node : model(source.getId()).getModelElementsByType(FlowNode.class)) {
                if (message.contains("'" + node.getId() + "'") || message.contains(node.getId() + MULTI_INSTANCE_BODY)) {
                    return "Its step “" + nameOf(node) + "” could not be moved onto version " + targetVersion + ".";
                }
            }
        }
        return "The engine could not move it onto version " + targetVersion
                + "; a trust administrator finds the engine's account in Cockpit, under Batches.";
    }

    /** The preview with what starting needs: the target, each source version's plan, each review's instance. */
    private record Planned(MigrationPreview preview, ProcessDefinition target, Map<Integer, MigrationPlan> plans,
            Map<Long, String> instanceOf, Survey survey) {
    }

    private Planned plan(School school, Integer targetVersion, String step) {
        ProcessDefinition target = requireVersion(school, targetVersion);
        BpmnModelInstance targetModel = model(target.getId());
        Survey survey = survey(school);
        String chosen = step == null || step.isBlank() ? null : step;
        if (chosen != null && survey.byInstance.keySet().stream().noneMatch(i -> survey.openSteps(i).contains(chosen))) {
            throw InvalidInput.of("step", "No running review is at that step now; choose another, or all running reviews.");
        }
        var plans = new HashMap<Integer, MigrationPlan>();
        var planProblems = new HashMap<Integer, String>();
        var neededVariables = new HashMap<Integer, Set<String>>();
        var rows = new ArrayList<MigrationPreview.Row>();
        var instanceOf = new HashMap<Long, String>();
        var candidates = new ArrayList<String>();
        survey.byInstance.forEach((instanceId, review) -> {
            String definitionId = survey.definitionOf.get(instanceId);
            if (!definitionId.equals(target.getId()) && (chosen == null || survey.openSteps(instanceId).contains(chosen))) {
                candidates.add(instanceId);
            }
        });
        Map<String, Set<String>> variablesOf = new HashMap<>();
        for (String instanceId : candidates) {
            ProcessDefinition source = survey.definitions.get(survey.definitionOf.get(instanceId));
            int version = source.getVersion();
            if (!plans.containsKey(version) && !planProblems.containsKey(version)) {
                try {
                    plans.put(version, migrationPlan(source, target));
                    neededVariables.put(version, newVariables(model(source.getId()), targetModel));
                } catch (MigrationPlanValidationException e) {
                    planProblems.put(version, "Reviews on version " + version + " cannot be moved onto version "
                            + target.getVersion() + ": the two versions differ too much for the engine to match their steps.");
                }
            }
        }
        Set<String> needed = neededVariables.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        if (!needed.isEmpty()) {
            variablesOf.putAll(variables(candidates, needed));
        }
        for (String instanceId : candidates) {
            RunningReview review = survey.byInstance.get(instanceId);
            ProcessDefinition source = survey.definitions.get(survey.definitionOf.get(instanceId));
            int version = source.getVersion();
            BpmnModelInstance sourceModel = model(source.getId());
            Set<String> open = survey.open.getOrDefault(instanceId, Set.of());
            String now = names(open, sourceModel);
            String whyNot = planProblems.get(version);
            String then = null;
            if (whyNot == null) {
                Map<String, String> mapped = plans.get(version).getInstructions().stream().collect(
                        Collectors.toMap(MigrationInstruction::getSourceActivityId, MigrationInstruction::getTargetActivityId,
                                (a, b) -> a));
                whyNot = unmapped(open, mapped, sourceModel, targetModel, target.getVersion());
                if (whyNot == null) {
                    var missing = new TreeSet<>(neededVariables.get(version));
                    missing.removeAll(variablesOf.getOrDefault(instanceId, Set.of()));
                    if (!missing.isEmpty()) {
                        whyNot = "Version " + target.getVersion() + " needs " + quoted(missing)
                                + ", which this review has not got: the new version's steps would stop at "
                                + (missing.size() == 1 ? "it." : "them.");
                    }
                }
                if (whyNot == null) {
                    then = names(open.stream().map(mapped::get).collect(Collectors.toCollection(LinkedHashSet::new)),
                            targetModel);
                }
            }
            rows.add(new MigrationPreview.Row(review.reviewId(), review.person(), version, now, then, whyNot));
            instanceOf.put(review.reviewId(), instanceId);
        }
        return new Planned(new MigrationPreview(target.getVersion(), chosen == null ? null : stepName(survey, chosen),
                List.copyOf(rows)), target, plans, instanceOf, survey);
    }

    /**
     * Camunda's plan from {@code source} to {@code target}: equal ids, and a waiting step (a user
     * task, a timer) under a new id with the same name and kind; dropped again if the engine refuses it.
     */
    private MigrationPlan migrationPlan(ProcessDefinition source, ProcessDefinition target) {
        MigrationPlan equal = runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities().build();
        Set<String> mapped = equal.getInstructions().stream().map(MigrationInstruction::getSourceActivityId)
                .collect(Collectors.toSet());
        BpmnModelInstance from = model(source.getId());
        BpmnModelInstance to = model(target.getId());
        var extra = new LinkedHashMap<String, String>();
        for (FlowNode node : waitingSteps(from)) {
            if (mapped.contains(node.getId()) || node.getName() == null || to.getModelElementById(node.getId()) != null) {
                continue;
            }
            List<FlowNode> same = waitingSteps(to).stream()
                    .filter(other -> other.getElementType().equals(node.getElementType())
                            && node.getName().strip().equalsIgnoreCase(other.getName() == null ? "" : other.getName().strip())
                            && from.getModelElementById(other.getId()) == null)
                    .toList();
            if (same.size() == 1) {
                extra.put(node.getId(), same.get(0).getId());
            }
        }
        if (extra.isEmpty()) {
            return equal;
        }
        MigrationPlanBuilder builder = runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities();
        for (var e : extra.entrySet()) {
            builder = builder.mapActivities(e.getKey(), e.getValue());
        }
        try {
            return builder.build();
        } catch (MigrationPlanValidationException e) {
            return equal;
        }
    }

    private static List<FlowNode> waitingSteps(BpmnModelInstance model) {
        var steps = new ArrayList<FlowNode>(model.getModelElementsByType(UserTask.class));
        steps.addAll(model.getModelElementsByType(IntermediateCatchEvent.class));
        return steps;
    }

    /** Why an open step has no place on the target, or null when every one has. */
    private static String unmapped(Set<String> open, Map<String, String> mapped, BpmnModelInstance source,
            BpmnModelInstance target, int targetVersion) {
        for (String activityId : open) {
            if (!mapped.containsKey(activityId)) {
                String plain = plain(activityId);
                String name = nameOf(source, plain);
                return target.getModelElementById(plain) == null
                        ? "Their open step “" + name + "” is not in version " + targetVersion + "."
                        : "Their open step “" + name + "” is a different kind of step in version " + targetVersion
                                + ", so the review cannot continue there.";
            }
        }
        return null;
    }

    /**
     * The variables the target's expressions read that the source's never do (and that are not our
     * beans): a review on the source version has them only if something gave them to it.
     */
    private Set<String> newVariables(BpmnModelInstance source, BpmnModelInstance target) {
        Set<String> read = readNames(target);
        read.removeAll(readNames(source));
        read.removeIf(name -> NOT_VARIABLES.contains(name) || beans.containsBean(name));
        return read;
    }

    private static Set<String> readNames(BpmnModelInstance model) {
        String xml = org.camunda.bpm.model.bpmn.Bpmn.convertToString(model);
        var names = new TreeSet<String>();
        Matcher expression = EXPRESSION.matcher(xml);
        while (expression.find()) {
            Matcher identifier = IDENTIFIER.matcher(expression.group(1).replaceAll("'[^']*'|\"[^\"]*\"", ""));
            while (identifier.find()) {
                names.add(identifier.group(1));
            }
        }
        return names;
    }

    /** The names among {@code wanted} that each process instance has as variables. */
    private Map<String, Set<String>> variables(List<String> instanceIds, Set<String> wanted) {
        var found = new HashMap<String, Set<String>>();
        for (List<String> chunk : chunks(instanceIds)) {
            pages((first, size) -> runtime.createVariableInstanceQuery().processInstanceIdIn(chunk.toArray(String[]::new))
                    .variableNameIn(wanted.toArray(String[]::new)).listPage(first, size))
                    .forEach(v -> found.computeIfAbsent(((VariableInstance) v).getProcessInstanceId(),
                            i -> new HashSet<>()).add(((VariableInstance) v).getName()));
        }
        return found;
    }

    /** The school's running reviews with their process instances: the definition each is on and its open steps. */
    private static final class Survey {
        final Map<String, RunningReview> byInstance = new LinkedHashMap<>();
        final Map<String, String> definitionOf = new HashMap<>();
        final Map<String, ProcessDefinition> definitions = new HashMap<>();
        final Map<String, Set<String>> open = new HashMap<>();

        /** The open steps of an instance, without the engine's multi-instance bodies. */
        Set<String> openSteps(String instanceId) {
            return open.getOrDefault(instanceId, Set.of()).stream().filter(id -> !id.endsWith(MULTI_INSTANCE_BODY))
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        }
    }

    private Survey survey(School school) {
        var survey = new Survey();
        repository.createProcessDefinitionQuery().processDefinitionKey(AnnualReviewCycleProcess.KEY)
                .tenantIdIn(school.code()).list().forEach(d -> survey.definitions.put(d.getId(), d));
        Map<String, RunningReview> reviews = migrations.selectRunningReviews(school.id()).stream()
                .collect(Collectors.toMap(RunningReview::processInstanceId, r -> r, (a, b) -> a, LinkedHashMap::new));
        definitionsOf(reviews.keySet()).forEach((instanceId, definitionId) -> {
            if (survey.definitions.containsKey(definitionId)) {
                survey.definitionOf.put(instanceId, definitionId);
            }
        });
        reviews.forEach((instanceId, review) -> {
            if (survey.definitionOf.containsKey(instanceId)) {
                survey.byInstance.put(instanceId, review);
            }
        });
        var byDefinition = survey.byInstance.keySet().stream().collect(Collectors.groupingBy(survey.definitionOf::get));
        byDefinition.forEach((definitionId, instances) -> {
            Set<String> ours = new HashSet<>(instances);
            pages((first, size) -> engineHistory.createHistoricActivityInstanceQuery().processDefinitionId(definitionId)
                    .unfinished().listPage(first, size)).forEach(a -> {
                        HistoricActivityInstance activity = (HistoricActivityInstance) a;
                        if (ours.contains(activity.getProcessInstanceId())) {
                            survey.open.computeIfAbsent(activity.getProcessInstanceId(), i -> new LinkedHashSet<>())
                                    .add(activity.getActivityId());
                        }
                    });
        });
        return survey;
    }

    /** Process instance id to its definition, for those still running. */
    private Map<String, String> definitionsOf(Collection<String> instanceIds) {
        var found = new HashMap<String, String>();
        for (List<String> chunk : chunks(List.copyOf(instanceIds))) {
            pages((first, size) -> runtime.createProcessInstanceQuery().processInstanceIds(new HashSet<>(chunk))
                    .listPage(first, size)).forEach(p -> found.put(((ProcessInstance) p).getId(),
                            ((ProcessInstance) p).getProcessDefinitionId()));
        }
        return found;
    }

    private ProcessDefinition requireVersion(School school, Integer version) {
        if (version == null) {
            throw InvalidInput.of("version", "Choose the version to move the reviews onto.");
        }
        ProcessDefinition definition = repository.createProcessDefinitionQuery()
                .processDefinitionKey(AnnualReviewCycleProcess.KEY).tenantIdIn(school.code())
                .processDefinitionVersion(version).singleResult();
        if (definition == null) {
            throw InvalidInput.of("version", school.name() + " has no version " + version + " of the cycle.");
        }
        return definition;
    }

    private BpmnModelInstance model(String definitionId) {
        return repository.getBpmnModelInstance(definitionId);
    }

    private String stepName(Planned planned, String activityId) {
        return stepName(planned.survey, activityId);
    }

    private String stepName(Survey survey, String activityId) {
        return survey.byInstance.keySet().stream().filter(i -> survey.openSteps(i).contains(activityId)).findFirst()
                .map(i -> nameOf(model(survey.definitionOf.get(i)), activityId)).orElse(activityId);
    }

    /** The steps' names, in the order given, each once; "" when there are none. */
    private static String names(Collection<String> activityIds, BpmnModelInstance model) {
        return activityIds.stream().filter(id -> id != null && !id.endsWith(MULTI_INSTANCE_BODY))
                .map(id -> nameOf(model, id)).distinct().collect(Collectors.joining(", "));
    }

    private static String nameOf(BpmnModelInstance model, String activityId) {
        ModelElementInstance element = model.getModelElementById(plain(activityId));
        return element instanceof FlowNode node ? nameOf(node) : plain(activityId);
    }

    private static String nameOf(FlowNode node) {
        return node.getName() == null || node.getName().isBlank() ? node.getId() : node.getName().strip();
    }

    private static String plain(String activityId) {
        return activityId.endsWith(MULTI_INSTANCE_BODY)
                ? activityId.substring(0, activityId.length() - MULTI_INSTANCE_BODY.length()) : activityId;
    }

    private static String quoted(Set<String> names) {
        return names.stream().map(n -> "“" + n + "”").collect(Collectors.joining(", "));
    }

    private String nameOf(String username) {
        return staff.findByUsername(username).map(StaffMember::fullName).orElse(username);
    }

    private static List<List<String>> chunks(List<String> ids) {
        var chunks = new ArrayList<List<String>>();
        for (int i = 0; i < ids.size(); i += PAGE) {
            chunks.add(ids.subList(i, Math.min(i + PAGE, ids.size())));
        }
        return chunks;
    }

    /** Every result of a query, a page at a time (the engine refuses over 2,000 results at once). */
    private static List<Object> pages(BiFunction<Integer, Integer, List<?>> page) {
        var all = new ArrayList<Object>();
        for (int first = 0;; first += PAGE) {
            List<?> some = page.apply(first, PAGE);
            all.addAll(some);
            if (some.size() < PAGE) {
                return all;
            }
        }
    }
}

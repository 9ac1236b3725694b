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
import java.util.TreeMap;
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
    private static final int VERSIONS_SHOWN = 100;
    private static final ZoneId ZONE = ZoneId.systemDefault();

    private final RepositoryService repository;
    private final PublishedVersionMapper published;
    private final AdministrationHistory history;
    private final StaffService staff;
    private final CurrentActor actor;
    private final DryRunService dryRuns;
    private final TransactionTemplate transaction;
    private final TrustCycleService trust;
    private final TrustCycleMapper trustCycle;

    CycleDesignService(RepositoryService repository, PublishedVersionMapper published, AdministrationHistory history,
            StaffService staff, CurrentActor actor, DryRunService dryRuns, PlatformTransactionManager transactionManager,
            TrustCycleService trust, TrustCycleMapper trustCycle) {
        this.trust = trust;
        this.trustCycle = trustCycle;
        this.dryRuns = dryRuns;
        this.transaction = new TransactionTemplate(transactionManager);
        this.repository = repository;
        this.published = published;
        this.history = history;
        this.staff = staff;
        this.actor = actor;
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
     * the current version's other files unchanged, deployed for the school's tenant. Publishing a
     * change of its own makes the school's cycle its own copy: the trust's default no longer reaches
     * it (CycleSource). A file the checks (CycleFileRules), the dry run, the engine or its deploy
     * gate refuses is an {@link InvalidInput} naming what is wrong, and nothing is deployed or recorded.
     *
     * @return the new version's number
     */
    public int publish(School school, String fileName, String content, String comment) {
        String why = CycleFileRules.requireCommentAndContent(content, comment);
        String deploymentId = currentDeploymentId(school);
        CycleFile file = requireFile(deploymentId, fileName);
        // what can be said without running anything first, in the words of the rule it breaks
        CycleFileRules.requireFileRules(file, content, text(deploymentId, fileName));
        Map<String, String> files = filesOf(deploymentId);
        files.put(fileName, content);
        return publishVersion(school, files, fileName, fileName, why, new Adoption(false, null));
    }

    /**
     * Publishes the files of the school's earlier {@code version} again, as its next version, with
     * the comment "Rolled back to version N: reason": through the same checks as any publication
     * (the dry run, the deploy gate, the history). The versions between stay as they were, and
     * reviews running on them stay there.
     */
    public int rollBack(School school, int version, String reason) {
        String why = CycleFileRules.requireComment(reason);
        String deploymentId = deploymentOf(school, version);
        if (deploymentId.equals(currentDeploymentId(school))) {
            throw new IllegalStateException("Version " + version + " is the current version already.");
        }
        String comment = "Rolled back to version " + version + ": " + why;
        if (comment.length() > CycleFileRules.MAX_COMMENT_LENGTH) {
            throw InvalidInput.of("comment", "The reason is too long (at most "
                    + (CycleFileRules.MAX_COMMENT_LENGTH - (comment.length() - why.length())) + " characters)");
        }
        return publishVersion(school, filesOf(deploymentId), "Version " + version + " of the cycle",
                "All files, as in version " + version, comment, new Adoption(false, null));
    }

    /**
     * Publishes the trust's current default cycle as the school's next version, and from then on
     * the school follows the trust: each newer trust version is offered to it ("Adopt version N"),
     * never deployed for it unasked. The same checks as any publication, with the school's own
     * staff in the dry run.
     */
    public int adopt(School school) {
        int version = trust.currentVersion();
        CycleSource now = source(school);
        if (now.followsTrust() && now.adoptedVersion() == version) {
            throw new IllegalStateException(school.name() + " runs the trust's version " + version + " already.");
        }
        return publishVersion(school, new TreeMap<>(trust.files(version)), "The trust's version " + version,
                "The trust's version " + version, "Adopted version " + version + " of the trust's default cycle",
                new Adoption(true, version));
    }

    /** The school stops following the trust's default: it keeps the cycle it runs now as its own. */
    @Transactional
    public void keepOwnCopy(School school) {
        CycleSource now = source(school);
        if (!now.followsTrust()) {
            return;
        }
        saveSource(school, new Adoption(false, null));
        history.record(subject(school), "Keeps its own copy of the cycle", null,
                AdministrationHistory.fields("Follows the trust's default", "no"));
    }

    /**
     * Whether the school follows the trust's default or keeps its own copy. A school that has never
     * chosen runs what it was given: the cycle as shipped (the trust's version 1), which it follows
     * until it publishes a change of its own.
     */
    @Transactional(readOnly = true)
    public CycleSource source(School school) {
        return source(trustCycle.selectSource(school.id()), !published.selectBySchool(school.id()).isEmpty(),
                trust.currentVersion());
    }

    /**
     * {@link #source(School)} of each school, by school id, in three queries whatever their number (the trust's
     * page lists every school of the trust).
     */
    @Transactional(readOnly = true)
    public Map<Long, CycleSource> sources(List<School> schools) {
        int trustVersion = trust.currentVersion();
        Map<Long, TrustCycleMapper.SchoolCycleSource> rows = trustCycle.selectSources().stream()
                .collect(Collectors.toMap(TrustCycleMapper.SchoolCycleSource::schoolId, Function.identity()));
        Set<Long> publishedOwn = Set.copyOf(published.selectSchoolIdsWithVersions());
        return schools.stream().collect(Collectors.toMap(School::id,
                school -> source(rows.get(school.id()), publishedOwn.contains(school.id()), trustVersion)));
    }

    private static CycleSource source(TrustCycleMapper.SchoolCycleSource row, boolean publishedOwn, int trustVersion) {
        if (row != null) {
            return new CycleSource(row.followsTrust(),
                    row.trustVersion() == null ? TrustCycleService.SHIPPED_VERSION : row.trustVersion(), trustVersion);
        }
        return new CycleSource(!publishedOwn, TrustCycleService.SHIPPED_VERSION, trustVersion);
    }

    /** One file of the school's {@code version}, as the diff page reads it; 404 for a version or file it has not. */
    @Transactional(readOnly = true)
    public String content(School school, int version, String fileName) {
        String deploymentId = deploymentOf(school, version);
        requireFile(deploymentId, fileName);
        return text(deploymentId, fileName);
    }

    /**
     * The school's {@code version} against the version before it: what the diff page shows beside
     * the two diagrams, in words, per file (the review plan decision, each form); the model's own
     * changes are for the diagram (bpmn-js-differ in the browser). 404 for a version the school has
     * not; a version 1 has nothing before it (previous null).
     */
    @Transactional(readOnly = true)
    public VersionComparison compare(School school, int version) {
        Map<String, String> now = filesOf(deploymentOf(school, version));
        String model = now.keySet().stream().filter(name -> CycleFile.of(name) != null
                && CycleFile.of(name).kind() == CycleFile.Kind.BPMN).findFirst().orElse(null);
        var before = repository.createProcessDefinitionQuery().processDefinitionKey(AnnualReviewCycleProcess.KEY)
                .tenantIdIn(school.code()).orderByProcessDefinitionVersion().desc().list().stream()
                .filter(definition -> definition.getVersion() < version).findFirst();
        if (before.isEmpty()) {
            return new VersionComparison(version, null, model, null, List.of());
        }
        Map<String, String> then = filesOf(before.get().getDeploymentId());
        String previousModel = then.keySet().stream().filter(name -> CycleFile.of(name) != null
                && CycleFile.of(name).kind() == CycleFile.Kind.BPMN).findFirst().orElse(null);
        return new VersionComparison(version, before.get().getVersion(), model, previousModel,
                VersionComparison.fileChanges(then, now));
    }

    /** Where the school's cycle comes from after a publication (trustVersion null: the one it started from). */
    private record Adoption(boolean followsTrust, Integer trustVersion) {
    }

    /**
     * The one way a version goes live for a school: the whole cycle runs in the dry run first (in
     * its own transaction that is always rolled back: it takes the engine's deployment lock until
     * then, which this publication's transaction would otherwise wait for), is refused while that
     * finds a problem, and is then deployed, recorded and written in the school's history in one
     * transaction.
     */
    private int publishVersion(School school, Map<String, String> files, String what, String changed, String why,
            Adoption adoption) {
        CycleFileRules.requireDryRunPassed(dryRuns, school, files, what);
        return transaction.execute(status -> deploy(school, files, what, changed, why, adoption));
    }

    /** The files deployed as the school's next version. */
    private int deploy(School school, Map<String, String> files, String what, String changed, String why,
            Adoption adoption) {
        var deployment = repository.createDeployment().name(DEPLOYMENT_NAME).source(DEPLOYMENT_SOURCE)
                .tenantId(school.code());
        files.forEach((name, content) -> deployment.addInputStream(name,
                new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8))));
        DeploymentWithDefinitions deployed;
        try {
            deployed = deployment.deployWithResult();
        } catch (ParseException e) {
            throw InvalidInput.of("content", CycleFileRules.refusal(what, e));
        } catch (ProcessEngineException | DmnEngineException e) {
            throw InvalidInput.of("content", what + " cannot be published: " + CycleFileRules.withoutCode(e.getMessage()));
        }
        ProcessDefinition cycle = requireDefinitions(deployed);

        String by = actor.username();
        published.insertVersion(new PublishedVersion(deployed.getId(), school.id(), changed, why, by, null));
        saveSource(school, adoption);
        history.record(subject(school), "Published version " + cycle.getVersion() + " of the cycle", null,
                AdministrationHistory.fields("Version", Integer.toString(cycle.getVersion()), "Changed file", changed,
                        "Comment", why));
        return cycle.getVersion();
    }

    /** Rewrites the school's row; without a trust version of its own, the school keeps the one it started from. */
    private void saveSource(School school, Adoption adoption) {
        int trustVersion = adoption.trustVersion() != null ? adoption.trustVersion() : source(school).adoptedVersion();
        trustCycle.deleteSource(school.id());
        trustCycle.insertSource(new TrustCycleMapper.SchoolCycleSource(school.id(), adoption.followsTrust(),
                trustVersion));
    }

    private static Subject subject(School school) {
        return new Subject(school.id(), null, "Cycle", null, "The annual review cycle");
    }

    /** Every file of a deployment, by name. */
    private Map<String, String> filesOf(String deploymentId) {
        var files = new TreeMap<String, String>();
        repository.getDeploymentResourceNames(deploymentId).forEach(name -> files.put(name, text(deploymentId, name)));
        return files;
    }

    private String deploymentOf(School school, int version) {
        ProcessDefinition definition = repository.createProcessDefinitionQuery()
                .processDefinitionKey(AnnualReviewCycleProcess.KEY).tenantIdIn(school.code())
                .processDefinitionVersion(version).singleResult();
        if (definition == null) {
            throw new NotFoundException(school.name() + "'s cycle has no version " + version + ".");
        }
        return definition.getDeploymentId();
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

    private String nameOf(String username) {
        return staff.findByUsername(username).map(StaffMember::fullName).orElse(username);
    }

    private static LocalDateTime time(Date date) {
        return date == null ? null : LocalDateTime.ofInstant(date.toInstant(), ZONE);
    }
}

package org.reviewcycle.cycledesign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.reviewcycle.common.CurrentActor;
import org.reviewcycle.common.InvalidInput;
import org.reviewcycle.common.NotFoundException;
import org.reviewcycle.dryrun.DryRunService;
import org.reviewcycle.history.AdministrationHistory;
import org.reviewcycle.history.AdministrationHistory.Subject;
import org.reviewcycle.school.School;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The trust's default cycle: its versions, each holding every file of the cycle, published by trust
 * admins in the same editors as a school's. They are rows of ours (trust_cycle_version,
 * trust_cycle_file), never engine deployments, so nothing can start a review on them: a school
 * runs a trust version only once it adopts it (CycleDesignService#adopt), which deploys it for the
 * school's tenant through the deploy gate like any other version. Version 1 is the cycle as
 * shipped (bpmn/ and forms/, as process.SchoolDeployments deploys it).
 * <p>
 * The caller has checked that the person is a trust admin (AdministeredSchools#requireTrustAdmin).
 */
@Service
public class TrustCycleService {

    static final int SHIPPED_VERSION = 1;

    private final TrustCycleMapper mapper;
    private final SchoolService schools;
    private final DryRunService dryRuns;
    private final CurrentActor actor;
    private final AdministrationHistory history;
    private final StaffService staff;
    private final Map<String, String> shipped;
    private final TransactionTemplate transaction;

    TrustCycleService(TrustCycleMapper mapper, SchoolService schools, DryRunService dryRuns, CurrentActor actor,
            AdministrationHistory history, StaffService staff, ResourcePatternResolver resolver,
            @Value("${reviewcycle.model-resources}") String[] patterns, PlatformTransactionManager transactionManager) {
        this.transaction = new TransactionTemplate(transactionManager);
        this.mapper = mapper;
        this.schools = schools;
        this.dryRuns = dryRuns;
        this.actor = actor;
        this.history = history;
        this.staff = staff;
        this.shipped = shipped(resolver, patterns);
    }

    /**
     * The trust's versions, newest first, each with the name of who published it, down to version 1
     * (the cycle as shipped: no one published it).
     */
    @Transactional(readOnly = true)
    public List<TrustVersion> versions() {
        var versions = new ArrayList<>(mapper.selectVersions().stream().map(v -> new TrustVersion(v.version(),
                v.changedFile(), v.comment(), staff.findByUsername(v.publishedBy()).map(StaffMember::fullName)
                        .orElse(v.publishedBy()), v.publishedAt(), v.dryRunSchool())).toList());
        versions.add(new TrustVersion(SHIPPED_VERSION, null, null, null, null, null));
        return versions;
    }

    /** The number of the trust's current version: what following schools are offered. */
    @Transactional(readOnly = true)
    public int currentVersion() {
        Integer latest = mapper.selectLatestVersion();
        return latest == null ? SHIPPED_VERSION : latest;
    }

    /** Every file of the trust's version, by name; 404 for a version the trust has not. */
    @Transactional(readOnly = true)
    public Map<String, String> files(int version) {
        if (version == SHIPPED_VERSION) {
            return shipped;
        }
        var files = new TreeMap<String, String>();
        mapper.selectFiles(version).forEach(file -> files.put(file.fileName(), file.content()));
        if (files.isEmpty()) {
            throw new NotFoundException("The trust's default cycle has no version " + version + ".");
        }
        return files;
    }

    /** The files of the current version, the model first, then the decision, then the forms. */
    @Transactional(readOnly = true)
    public List<CycleFile> currentFiles() {
        return files(currentVersion()).keySet().stream().map(CycleFile::of).filter(f -> f != null).sorted().toList();
    }

    /** One file of the current version, as the editor opens it; 404 for a file the cycle does not have. */
    @Transactional(readOnly = true)
    public String content(String fileName) {
        String content = files(currentVersion()).get(fileName);
        if (content == null || CycleFile.of(fileName) == null) {
            throw new NotFoundException("The trust's cycle has no file " + fileName + ".");
        }
        return content;
    }

    /**
     * Publishes {@code content} as the new {@code fileName} of the trust's default: the checks a
     * school's publication makes (CycleFileRules), then the dry run of the whole changed cycle with
     * the staff and dates of {@code dryRunSchoolId} (the trust has no staff of its own; the admin
     * chooses the school), refused while it finds a problem. The dry run deploys the cycle in its
     * sandbox, so the deploy gate reads it as it reads every deployment. Schools that follow the
     * trust are offered the new version; none is changed by it.
     *
     * @return the new version's number
     */
    public int publish(String fileName, String content, String comment, Long dryRunSchoolId) {
        String why = CycleFileRules.requireCommentAndContent(content, comment);
        int base = currentVersion();
        Map<String, String> files = new TreeMap<>(files(base));
        CycleFile file = CycleFile.of(fileName == null ? "" : fileName);
        if (file == null || !files.containsKey(fileName)) {
            throw new NotFoundException("The trust's cycle has no file " + fileName + ".");
        }
        School school = dryRunSchool(dryRunSchoolId);
        CycleFileRules.requireFileRules(file, content, files.get(fileName));
        files.put(fileName, content);
        CycleFileRules.requireDryRunPassed(dryRuns, school, files, fileName);
        return transaction.execute(status -> save(base + 1, files, fileName, why, school));
    }

    private int save(int version, Map<String, String> files, String fileName, String why, School school) {
        try {
            mapper.insertVersion(new TrustVersion(version, fileName, why, actor.username(), null, school.id()));
        } catch (DuplicateKeyException e) {
            throw new IllegalStateException("Another version of the trust's cycle was published meanwhile: open the "
                    + "editor again and make your change on it.");
        }
        files.forEach((name, content) -> mapper.insertFile(version, new TrustFile(name, content)));
        history.record(new Subject(null, null, "Cycle", null, "The trust's default cycle"),
                "Published version " + version + " of the trust's default cycle", null,
                AdministrationHistory.fields("Version", Integer.toString(version), "Changed file", fileName,
                        "Comment", why, "Dry run with", school.name()));
        return version;
    }

    /** The school whose staff the dry run takes: one of the trust's open schools, chosen by the admin. */
    private School dryRunSchool(Long schoolId) {
        if (schoolId == null) {
            throw InvalidInput.of("dryRunSchoolId", "Choose the school whose staff the dry run takes");
        }
        return schools.findSchool(schoolId).filter(school -> !school.closed()).orElseThrow(
                () -> InvalidInput.of("dryRunSchoolId", "Choose one of the trust's open schools for the dry run"));
    }

    private static Map<String, String> shipped(ResourcePatternResolver resolver, String[] patterns) {
        var files = new LinkedHashMap<String, String>();
        for (String pattern : patterns) {
            try {
                for (Resource resource : resolver.getResources(pattern.strip())) {
                    files.put(resource.getFilename(), resource.getContentAsString(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the cycle's files " + Arrays.toString(patterns), e);
            }
        }
        return Map.copyOf(new TreeMap<>(files));
    }
}

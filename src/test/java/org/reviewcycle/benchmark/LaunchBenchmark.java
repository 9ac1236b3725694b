package org.reviewcycle.benchmark;

import static org.reviewcycle.process.AnnualReviewCycleProcess.Variables;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.reviewcycle.process.CycleLauncher;
import org.reviewcycle.process.SchoolDeployments;
import org.reviewcycle.school.School;
import org.reviewcycle.staff.EngineGroups;
import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.GeneratedTrust;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The cycle launch, school by school as an admin launches it, each school's launch followed by the
 * bare engine starting as many one-user-task instances the same way: in the launcher's batch size
 * per transaction, with the same business key shape and the same variables. Taking turns school by
 * school puts both under the same drift of a shared machine. The bare instances stay: their open
 * tasks are open tasks in the database like the reviews' (the head's task list is measured among
 * both), and each side's launch meets the same growing tables.
 */
final class LaunchBenchmark {

    /** The bare instance's stand-in for {@code reviewId}: a number, under a name nothing of ours reads. */
    private static final String BARE_REVIEW_ID = "bareReviewId";

    private final BenchmarkApplication app;
    private final CycleLauncher launcher;
    private final SchoolDeployments deployments;
    private final StaffService staff;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final TransactionTemplate transaction;

    private long ourNanos;
    private long bareNanos;
    private long reviews;
    private long ourRows;
    private long bareRows;
    private long ourQueries;
    private long bareQueries;
    private WriteCounter.Snapshot ourRowsByTable;

    LaunchBenchmark(BenchmarkApplication app) {
        this.app = app;
        this.launcher = app.bean(CycleLauncher.class);
        this.deployments = app.bean(SchoolDeployments.class);
        this.staff = app.bean(StaffService.class);
        this.runtime = app.bean(RuntimeService.class);
        this.repository = app.bean(RepositoryService.class);
        this.transaction = new TransactionTemplate(app.bean(PlatformTransactionManager.class));
    }

    /** Launches the school's cycle, then lets the bare engine do as much; returns the reviews started. */
    int launch(GeneratedTrust.School school) {
        // the school is made by SQL, so nobody published SchoolCreated: its cycle is deployed here, unmeasured
        deployments.deploy(new School(school.id(), school.code(), school.code()));
        var before = app.writes().snapshot();
        long start = System.nanoTime();
        int started = launcher.launch(school.cycleId()).started();
        ourNanos += System.nanoTime() - start;
        var written = app.writes().snapshot().since(before);
        reviews += started;
        ourRows += written.rows();
        ourQueries += written.queries();
        ourRowsByTable = ourRowsByTable == null ? written : add(ourRowsByTable, written);
        bare(school, started);
        return started;
    }

    private void bare(GeneratedTrust.School school, int expected) {
        Map<Long, StaffMember> byId = new HashMap<>();
        List<StaffMember> members = staff.staffOf(school.id());
        members.forEach(m -> byId.put(m.id(), m));
        List<StaffMember> reviewed = members.stream().filter(m -> m.active() && m.reviewerId() != null).toList();
        if (reviewed.size() != expected) {
            throw new IllegalStateException("The bare engine would start " + reviewed.size() + " instances for "
                    + expected + " reviews");
        }
        String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(BareProcesses.ONE_TASK)
                .latestVersion().singleResult().getId();
        var before = app.writes().snapshot();
        long start = System.nanoTime();
        for (int from = 0; from < reviewed.size(); from += CycleLauncher.BATCH_SIZE) {
            var batch = reviewed.subList(from, Math.min(from + CycleLauncher.BATCH_SIZE, reviewed.size()));
            transaction.executeWithoutResult(status -> batch.forEach(member -> {
                runtime.createProcessInstanceById(definitionId)
                        .businessKey("bare-" + member.id())
                        // as many variables as a review's, but not a review's id: the engine's task events
                        // (the assignment email) would look for a review this instance does not have
                        .setVariable(BARE_REVIEW_ID, member.id())
                        .setVariable(Variables.REVIEWEE, member.username())
                        .setVariable(Variables.REVIEWER, byId.get(member.reviewerId()).username())
                        .setVariable(Variables.HEAD_GROUP, EngineGroups.headOf(school.code()))
                        .setVariable(Variables.STAFF_CATEGORY, member.category().name())
                        .setVariable(Variables.MID_YEAR_CHECK_DONE, false)
                        .execute();
            }));
        }
        bareNanos += System.nanoTime() - start;
        var written = app.writes().snapshot().since(before);
        bareRows += written.rows();
        bareQueries += written.queries();
    }

    BenchmarkFigures.Launch figures(String name) {
        return new BenchmarkFigures.Launch(name, reviews, CycleLauncher.BATCH_SIZE, ourNanos / 1e9, bareNanos / 1e9,
                (double) ourRows / reviews, (double) bareRows / reviews, (double) ourQueries / reviews,
                (double) bareQueries / reviews, perReview(ourRowsByTable));
    }

    private Map<String, Double> perReview(WriteCounter.Snapshot byTable) {
        var result = new java.util.TreeMap<String, Double>();
        byTable.rowsByTable().forEach((table, rows) -> result.put(table, (double) rows / reviews));
        return result;
    }

    private static WriteCounter.Snapshot add(WriteCounter.Snapshot a, WriteCounter.Snapshot b) {
        var rows = new java.util.TreeMap<>(a.rowsByTable());
        b.rowsByTable().forEach((table, count) -> rows.merge(table, count, Long::sum));
        return new WriteCounter.Snapshot(rows, a.queries() + b.queries());
    }
}

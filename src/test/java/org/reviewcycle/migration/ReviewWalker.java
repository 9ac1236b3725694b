package org.reviewcycle.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.task.Task;
import org.reviewcycle.dryrun.SampleAnswers;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.ReviewDriver;

/**
 * Walks reviews through whatever steps their version of the model has, as the people do them:
 * each open task is submitted by its assignee (or, when it is offered to a group, by the school's
 * head, who claims it) with the dry run's sample answers to the task's own form (the way forward:
 * approve, agree, sign); a date the review waits for is passed at once.
 */
final class ReviewWalker {

    private static final int MAX_STEPS = 60;
    /** How long the job executor gets for a school's batches: 10 minutes, a guard, not a target. */
    private static final int BATCH_ROUNDS = 6000;

    private final ProcessEngine engine;
    private final StaffService staff;
    private final String head;
    private final SampleAnswers answers;

    ReviewWalker(ProcessEngine engine, StaffService staff, String head) {
        this.engine = engine;
        this.staff = staff;
        this.head = head;
        this.answers = new SampleAnswers(engine);
    }

    /** Where the review waits: its open task's step, else the timer's step; null once it has ended. */
    String at(String processInstanceId) {
        Task task = driver(processInstanceId).openTask();
        if (task != null) {
            return task.getTaskDefinitionKey();
        }
        List<String> active = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(processInstanceId).count() == 0 ? List.of()
                        : engine.getRuntimeService().getActiveActivityIds(processInstanceId);
        return active.isEmpty() ? null : active.get(0);
    }

    /** Does the review's next thing: submits its open task or passes its date. Returns the step it did. */
    String step(String processInstanceId) {
        ReviewDriver driver = driver(processInstanceId);
        Task task = driver.openTask();
        if (task != null) {
            var variables = engine.getTaskService().getVariables(task.getId());
            String form;
            try (InputStream in = engine.getFormService().getDeployedTaskForm(task.getId())) {
                form = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            driver.submit(task.getAssignee() != null ? task.getAssignee() : head, answers.answer(form, variables));
            return task.getTaskDefinitionKey();
        }
        String waitingAt = at(processInstanceId);
        driver.fireTimer();
        return waitingAt;
    }

    /** Walks until the review waits at a step {@code stop} accepts (or ends); returns the steps done. */
    List<String> walkUntil(String processInstanceId, Predicate<String> stop) {
        var done = new ArrayList<String>();
        for (String at = at(processInstanceId); at != null && !stop.test(at); at = at(processInstanceId)) {
            if (done.size() >= MAX_STEPS) {
                throw new AssertionError("Review " + processInstanceId + " never stops; last at " + at);
            }
            done.add(step(processInstanceId));
        }
        return done;
    }

    List<String> walkToEnd(String processInstanceId) {
        return walkUntil(processInstanceId, at -> false);
    }

    /**
     * Waits while the job executor runs the school's batches (their seed and migration jobs, for the
     * school's tenant), then runs each batch's monitor job, which would otherwise look only every
     * 30 seconds, so that a finished batch goes. A batch with jobs that failed for good stays (for
     * Cockpit), and is returned from too.
     */
    void runBatches(String tenantId) {
        var management = engine.getManagementService();
        for (int round = 0; round < BATCH_ROUNDS; round++) {
            List<Batch> batches = management.createBatchQuery().tenantIdIn(tenantId).list();
            if (batches.isEmpty()) {
                return;
            }
            boolean jobsLeft = batches.stream().map(b -> management.createBatchStatisticsQuery().batchId(b.getId()).singleResult())
                    .anyMatch(statistics -> statistics != null && statistics.getRemainingJobs() > statistics.getFailedJobs());
            if (!jobsLeft) {
                for (Batch batch : batches) {
                    management.createJobQuery().jobDefinitionId(batch.getMonitorJobDefinitionId()).list()
                            .forEach(monitor -> runUnlessTheJobExecutorDid(management, monitor.getId()));
                }
                if (management.createBatchQuery().tenantIdIn(tenantId).count() > 0) {
                    return;
                }
            } else {
                pause();
            }
        }
        throw new AssertionError("The job executor never finished the batches of " + tenantId);
    }

    /** Runs a job; the job executor may be running it at the same moment, and then its run counts. */
    private static void runUnlessTheJobExecutorDid(org.camunda.bpm.engine.ManagementService management, String jobId) {
        try {
            management.executeJob(jobId);
        } catch (org.camunda.bpm.engine.OptimisticLockingException ranMeanwhile) {
            // the job executor took the same job between our query and our run
        } catch (org.camunda.bpm.engine.ProcessEngineException gone) {
            if (management.createJobQuery().jobId(jobId).count() > 0) {
                throw gone;
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private ReviewDriver driver(String processInstanceId) {
        return new ReviewDriver(engine.getTaskService(), engine.getFormService(), engine.getIdentityService(),
                engine.getManagementService(), engine.getRuntimeService(), staff, processInstanceId);
    }
}

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
import org.camunda.bpm.engine.runtime.Job;
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
     * Runs the school's batches (seed, migration and monitor jobs) here, beside the job executor,
     * until none is left; a job the job executor runs at the same moment fails here and is passed by.
     */
    void runBatches(String tenantId) {
        var management = engine.getManagementService();
        for (int round = 0; round < 10_000; round++) {
            List<Batch> batches = management.createBatchQuery().tenantIdIn(tenantId).list();
            if (batches.isEmpty()) {
                return;
            }
            int left = 0;
            for (Batch batch : batches) {
                for (String definition : new String[] {batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
                        batch.getMonitorJobDefinitionId()}) {
                    for (Job job : management.createJobQuery().jobDefinitionId(definition).withRetriesLeft().listPage(0, 200)) {
                        left++;
                        try {
                            management.executeJob(job.getId());
                        } catch (RuntimeException e) {
                            // run by the job executor meanwhile, or failed: the statistics say which
                        }
                    }
                }
            }
            if (left == 0) {
                // only jobs that failed for good are left: the batches stay, for Cockpit
                return;
            }
        }
        throw new AssertionError("The batches of " + tenantId + " never finished");
    }

    private ReviewDriver driver(String processInstanceId) {
        return new ReviewDriver(engine.getTaskService(), engine.getFormService(), engine.getIdentityService(),
                engine.getManagementService(), engine.getRuntimeService(), staff, processInstanceId);
    }
}

package org.reviewcycle.benchmark;

import static org.reviewcycle.process.AnnualReviewCycleProcess.Variables;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.reviewcycle.process.AnnualReviewCycleProcess;
import org.reviewcycle.staff.EngineGroups;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.GeneratedTrust;
import org.reviewcycle.support.ReviewDriver;

/**
 * Everyday task work: team leaders, each in a thread of their own, complete their planning
 * meetings at the same time, with three objectives each, through the path Tasklist takes (the
 * form service, the engine's authorization checks as that person, our validation and writes, the
 * head's task created). The bare engine's side: the same people completing the first of two user
 * tasks with the same variables through {@code taskService.complete}. The phases take turns (bare,
 * ours, ours, bare), so that both meet the same drift of a shared machine.
 */
final class TaskWorkBenchmark {

    private final BenchmarkApplication app;
    private final TaskService tasks;
    private final FormService forms;
    private final IdentityService identity;
    private final RuntimeService runtime;
    private final StaffService staff;

    TaskWorkBenchmark(BenchmarkApplication app) {
        this.app = app;
        this.tasks = app.bean(TaskService.class);
        this.forms = app.bean(FormService.class);
        this.identity = app.bean(IdentityService.class);
        this.runtime = app.bean(RuntimeService.class);
        this.staff = app.bean(StaffService.class);
    }

    /** One team leader with the planning meetings (ours) and first tasks (bare) they will complete. */
    private record Leader(String username, List<String> groups, List<String> planningMeetings, List<String> bareTasks) {
    }

    /**
     * Measures with the first team leader of each school given: their reviewees' self-reflections
     * are written first (not timed), so that their planning meetings are open.
     */
    BenchmarkFigures.TaskWork run(List<GeneratedTrust.School> schools, GeneratedTrust.School warmUp) {
        List<Leader> warmingUp = List.of(prepareLeader(warmUp));
        complete(warmingUp, true, Integer.MAX_VALUE);
        complete(warmingUp, false, Integer.MAX_VALUE);
        List<Leader> leaders = schools.stream().map(this::prepareLeader).toList();
        int half = leaders.stream().mapToInt(l -> l.planningMeetings().size()).min().orElse(0) / 2;
        var bare = new Phase();
        var ours = new Phase();
        bare.add(complete(leaders, false, half));
        ours.add(complete(leaders, true, half));
        ours.add(complete(leaders, true, Integer.MAX_VALUE));
        bare.add(complete(leaders, false, Integer.MAX_VALUE));
        return new BenchmarkFigures.TaskWork(leaders.size(), 3, ours.result(), bare.result());
    }

    private Leader prepareLeader(GeneratedTrust.School school) {
        String leader = school.leaders().get(0);
        List<String> reviewees = school.revieweesByLeader().get(leader);
        for (String reviewee : reviewees) {
            Task reflection = tasks.createTaskQuery().taskAssignee(reviewee)
                    .taskDefinitionKey(AnnualReviewCycleProcess.Elements.SELF_REFLECTION).singleResult();
            as(reviewee, () -> forms.submitTaskForm(reflection.getId(), ReviewDriver.values("strengths",
                    "Clear routines in class", "developmentWishes", "Leading a phonics group")));
        }
        List<String> planning = tasks.createTaskQuery().taskAssignee(leader)
                .taskDefinitionKey(AnnualReviewCycleProcess.Elements.PLANNING_MEETING).list().stream()
                .map(Task::getId).toList();
        var bare = new ArrayList<String>();
        for (int i = 0; i < planning.size(); i++) {
            String instanceId = runtime.startProcessInstanceByKey(BareProcesses.TWO_TASKS, "bare-work-" + leader + "-" + i,
                    Map.of(Variables.REVIEWER, leader, Variables.HEAD_GROUP, EngineGroups.headOf(school.code())))
                    .getId();
            bare.add(tasks.createTaskQuery().processInstanceId(instanceId).singleResult().getId());
        }
        return new Leader(leader, staff.groupIdsOf(leader), new ArrayList<>(planning), bare);
    }

    /** What Tasklist submits for a planning meeting with three objectives: the list as Json. */
    private static Map<String, Object> threeObjectives() {
        return new HashMap<>(Map.of("objectives", ReviewDriver.objectives(
                ReviewDriver.objective("To raise the proportion of pupils writing at greater depth", "W1", false),
                ReviewDriver.objective("To use reasoning prompts in every maths lesson", "M1", false),
                ReviewDriver.objective("To lead a termly book scrutiny with the literacy lead", "W1", false))));
    }

    /** Every leader completes up to {@code count} of their remaining tasks, all leaders at once. */
    private Run complete(List<Leader> leaders, boolean ours, int count) {
        var latencies = new ConcurrentLinkedQueue<Long>();
        var optimisticLockingFailures = new AtomicInteger();
        var otherFailures = new ConcurrentLinkedQueue<String>();
        var start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(leaders.size());
        var before = app.writes().snapshot();
        var done = new ArrayList<Future<?>>();
        for (Leader leader : leaders) {
            List<String> queue = ours ? leader.planningMeetings() : leader.bareTasks();
            List<String> mine = new ArrayList<>(queue.subList(0, Math.min(count, queue.size())));
            queue.subList(0, mine.size()).clear();
            done.add(pool.submit(() -> {
                start.await();
                identity.setAuthentication(leader.username(), leader.groups());
                try {
                    for (String taskId : mine) {
                        long began = System.nanoTime();
                        try {
                            if (ours) {
                                forms.submitTaskForm(taskId, threeObjectives());
                            } else {
                                tasks.complete(taskId, threeObjectives());
                            }
                            latencies.add(System.nanoTime() - began);
                        } catch (OptimisticLockingException e) {
                            optimisticLockingFailures.incrementAndGet();
                        } catch (RuntimeException e) {
                            otherFailures.add(e.getMessage());
                        }
                    }
                } finally {
                    identity.clearAuthentication();
                }
                return null;
            }));
        }
        long began = System.nanoTime();
        start.countDown();
        for (Future<?> f : done) {
            try {
                f.get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        long wall = System.nanoTime() - began;
        pool.shutdown();
        if (!otherFailures.isEmpty()) {
            throw new IllegalStateException((ours ? "Planning meetings" : "Bare tasks") + " failed: "
                    + otherFailures.peek());
        }
        return new Run(new ArrayList<>(latencies), wall, optimisticLockingFailures.get(),
                app.writes().snapshot().since(before));
    }

    private void as(String username, Runnable work) {
        identity.setAuthentication(username, staff.groupIdsOf(username), staff.tenantIdsOf(username));
        try {
            work.run();
        } finally {
            identity.clearAuthentication();
        }
    }

    private record Run(List<Long> latencies, long wallNanos, int optimisticLockingFailures, WriteCounter.Snapshot written) {
    }

    /** The runs of one side added up. */
    private static final class Phase {
        private final List<Long> latencies = new ArrayList<>();
        private long wallNanos;
        private int optimisticLockingFailures;
        private long rows;
        private long queries;

        void add(Run run) {
            latencies.addAll(run.latencies());
            wallNanos += run.wallNanos();
            optimisticLockingFailures += run.optimisticLockingFailures();
            rows += run.written().rows();
            queries += run.written().queries();
        }

        BenchmarkFigures.Latencies result() {
            return BenchmarkFigures.Latencies.of(latencies, wallNanos, optimisticLockingFailures,
                    (double) rows / Math.max(1, latencies.size()), (double) queries / Math.max(1, latencies.size()));
        }
    }
}

package org.reviewcycle.cycles;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.reviewcycle.common.CurrentActor;
import org.reviewcycle.history.AdministrationHistory;
import org.reviewcycle.history.AdministrationHistory.Subject;
import org.reviewcycle.process.CycleLauncher;
import org.reviewcycle.process.LaunchReport;
import org.reviewcycle.school.ReviewCycle;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.security.AdministeredSchools;
import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The entry point for launches run in the background. Pressing Launch records a RUNNING launch
 * (one per cycle at a time, under the cycle's launch lock) and, once that is committed, runs it
 * on this node: {@link CycleLauncher} starts the reviews batch by batch, and each batch adds its
 * count to the launch row in its own transaction, so the progress shown is what has committed.
 * Every batch also writes the launch's heartbeat. A RUNNING launch whose heartbeat is older than
 * the lease was left by a node that stopped; at start-up and every half lease each node looks for
 * such launches and claims them with an update that succeeds on one node only, which carries the
 * launch on (the launcher skips reviews that run already, so nothing starts twice).
 */
@Service
public class CycleLaunches {

    private static final Logger log = LoggerFactory.getLogger(CycleLaunches.class);
    /** Launches run on their own threads, two at a time per node, so pages stay quick during a launch. */
    private static final int THREADS = 2;

    private final LaunchMapper launches;
    private final CycleLauncher launcher;
    private final SchoolService schools;
    private final AdministrationHistory history;
    private final AdministeredSchools administered;
    private final StaffService staff;
    private final CurrentActor actor;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration lease;
    private final ScheduledExecutorService runner = Executors.newScheduledThreadPool(THREADS, task -> {
        Thread thread = new Thread(task, "cycle-launch");
        thread.setDaemon(true);
        return thread;
    });

    CycleLaunches(LaunchMapper launches, CycleLauncher launcher, SchoolService schools, AdministrationHistory history,
            AdministeredSchools administered, StaffService staff, CurrentActor actor,
            PlatformTransactionManager transactionManager, ObjectProvider<Clock> clock,
            @Value("${reviewcycle.launch.lease:60s}") Duration lease) {
        this.launches = launches;
        this.launcher = launcher;
        this.schools = schools;
        this.history = history;
        this.administered = administered;
        this.staff = staff;
        this.actor = actor;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
        this.lease = lease;
    }

    /**
     * Begins a launch of the cycle in the background, or returns the one running already (a second
     * press of Launch, or a second admin, watches the same launch). For admins of the cycle's school.
     */
    @Transactional
    public long begin(long cycleId) {
        ReviewCycle cycle = schools.findCycle(cycleId)
                .orElseThrow(() -> new IllegalArgumentException("No review cycle with id " + cycleId));
        administered.require(cycle.schoolId());
        schools.lockCycleForLaunch(cycleId);
        Optional<Launch> running = launches.selectRunningOfCycle(cycleId);
        if (running.isPresent()) {
            return running.get().id();
        }
        CycleLauncher.requireLaunchable(cycle, schools.findSchool(cycle.schoolId()).orElseThrow());
        launches.insertLaunch(cycleId, actor.username(), now());
        long launchId = launches.selectRunningOfCycle(cycleId).orElseThrow().id();
        history.record(subject(cycle), "Launched the cycle", null, Map.of("Launch", "started"));
        afterCommit(() -> submit(launchId));
        return launchId;
    }

    /**
     * Asks a running launch to stop: it is STOPPING until the batch it is in has committed, then
     * STOPPED; the reviews started so far run on. For the school's admins.
     */
    @Transactional
    public void stop(long launchId) {
        Launch launch = find(launchId);
        administered.require(schools.findCycle(launch.cycleId()).orElseThrow().schoolId());
        if (launches.updateState(launchId, LaunchState.RUNNING, LaunchState.STOPPING) == 1) {
            history.record(subject(schools.findCycle(launch.cycleId()).orElseThrow()), "Stopped the launch",
                    Map.of("Launch", "running, " + launch.started() + " reviews started"), Map.of("Launch", "stopped"));
        }
    }

    /** Stops whatever launch of the cycle is running (the cycle is being closed); in the caller's transaction. */
    @Transactional
    public void stopAnyOf(long cycleId) {
        launches.selectRunningOfCycle(cycleId)
                .ifPresent(launch -> launches.updateState(launch.id(), LaunchState.RUNNING, LaunchState.STOPPING));
    }

    @Transactional(readOnly = true)
    public Launch find(long launchId) {
        return launches.selectLaunch(launchId)
                .orElseThrow(() -> new IllegalArgumentException("No launch with id " + launchId));
    }

    /** The launch, if it is one of this cycle's. */
    @Transactional(readOnly = true)
    public Optional<Launch> findOf(long cycleId, long launchId) {
        return launches.selectLaunch(launchId).filter(launch -> launch.cycleId() == cycleId);
    }

    @Transactional(readOnly = true)
    public Optional<Launch> latestOf(long cycleId) {
        return launches.selectLatestOfCycle(cycleId);
    }

    /** Who pressed Launch, by name (the start-up's own launches: "ReviewCycle"). */
    @Transactional(readOnly = true)
    public String startedBy(Launch launch) {
        return staff.findByUsername(launch.startedBy()).map(StaffMember::fullName).orElse("ReviewCycle");
    }

    @Transactional(readOnly = true)
    public List<LaunchSkip> skipped(long launchId) {
        return launches.selectSkips(launchId);
    }

    /** Carries on every RUNNING launch whose node has stopped, on this node; the number claimed. */
    public int resumeAbandoned() {
        LocalDateTime staleBefore = now().minus(lease);
        int claimed = 0;
        for (Launch launch : transaction.execute(status -> launches.selectRunningSince(staleBefore))) {
            if (launch.state() == LaunchState.STOPPING) {
                // its node stopped while it was stopping: it has stopped
                transaction.executeWithoutResult(status -> launches.updateEnded(launch.id(), LaunchState.STOPPING,
                        LaunchState.STOPPED, null, now()));
                continue;
            }
            Boolean won = transaction.execute(status -> launches.claim(launch.id(), launch.heartbeatAt(), now()) == 1);
            if (Boolean.TRUE.equals(won)) {
                log.info("Carrying on launch {} of cycle {}, left running by a node that stopped", launch.id(),
                        launch.cycleId());
                submit(launch.id());
                claimed++;
            }
        }
        return claimed;
    }

    @EventListener(ApplicationReadyEvent.class)
    void lookForAbandonedLaunches() {
        long every = Math.max(1, lease.toMillis() / 2);
        runner.scheduleWithFixedDelay(() -> {
            try {
                resumeAbandoned();
            } catch (RuntimeException e) {
                log.warn("Looking for launches left running failed; looking again shortly", e);
            }
        }, 0, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void shutDown() {
        runner.shutdownNow();
    }

    private void submit(long launchId) {
        runner.execute(() -> run(launchId));
    }

    /** Runs the launch to its end, as the admin who began it (their name goes on the reviews it opens). */
    private void run(long launchId) {
        Launch launch = transaction.execute(status -> find(launchId));
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(launch.startedBy(), null, List.of()));
        try {
            launcher.launch(launch.cycleId(), new Recorder(launchId));
            ended(launchId, LaunchState.FINISHED, null);
        } catch (RuntimeException e) {
            log.warn("Launch {} of cycle {} ended with an error", launchId, launch.cycleId(), e);
            String sentence = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            ended(launchId, LaunchState.FAILED, sentence.length() > 1000 ? sentence.substring(0, 1000) : sentence);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** A running launch ends as {@code state}; one asked to stop, as STOPPED (an error then is the closing of its cycle). */
    private void ended(long launchId, LaunchState state, String failure) {
        transaction.executeWithoutResult(status -> {
            launches.updateEnded(launchId, LaunchState.RUNNING, state, failure, now());
            launches.updateEnded(launchId, LaunchState.STOPPING, LaunchState.STOPPED, null, now());
        });
    }

    /** Writes what the launcher reports into the launch's row. */
    private final class Recorder implements CycleLauncher.Progress {

        private final long launchId;

        Recorder(long launchId) {
            this.launchId = launchId;
        }

        @Override
        public void planned(int toStart, int alreadyRunning, List<LaunchReport.Skipped> skipped) {
            transaction.executeWithoutResult(status -> {
                launches.updatePlan(launchId, toStart, alreadyRunning, now());
                launches.deleteSkips(launchId);
                if (!skipped.isEmpty()) {
                    launches.insertSkips(launchId, skipped);
                }
            });
        }

        @Override
        public boolean batchStarted(int started) {
            launches.addStarted(launchId, started, now());
            return launches.selectState(launchId).orElseThrow() == LaunchState.RUNNING;
        }
    }

    private Subject subject(ReviewCycle cycle) {
        return new Subject(cycle.schoolId(), null, "Review cycle", cycle.id(), cycle.academicYear() + " cycle");
    }

    private LocalDateTime now() {
        // whole seconds: MySQL's datetime keeps no fractions, and the claim compares the heartbeat it read
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }

    private static void afterCommit(Runnable task) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                task.run();
            }
        });
    }
}

package org.reviewcycle.record;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.reviewcycle.common.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * A school's written reports for a cycle as one zip, built in the background (one thread for the whole
 * application, so a few heads pressing at once queue rather than starve the server), one report at a time
 * streamed into a temporary file: memory stays flat however large the school. Each report is read through
 * {@link RecordService#readRecordAs}, so it is refused or written to the access log exactly as if the head
 * had opened it. Zips are kept for {@value #KEPT_HOURS} hours, on this node only (the sticky session brings
 * the head back to it).
 */
@Component
class CycleReports implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CycleReports.class);
    static final int KEPT_HOURS = 2;

    enum State {
        RUNNING, READY, FAILED
    }

    /** One zip being built or built: whose it is, how far it has got. */
    static final class Job {
        final String id = UUID.randomUUID().toString();
        final long cycleId;
        final String owner;
        final String fileName;
        final int total;
        final Path file;
        final Instant started = Instant.now();
        final AtomicInteger done = new AtomicInteger();
        volatile State state = State.RUNNING;

        Job(long cycleId, String owner, String fileName, int total, Path file) {
            this.cycleId = cycleId;
            this.owner = owner;
            this.fileName = fileName;
            this.total = total;
            this.file = file;
        }

        public int percent() {
            return total == 0 ? 100 : done.get() * 100 / total;
        }

        public int done() {
            return done.get();
        }

        public int total() {
            return total;
        }

        public State state() {
            return state;
        }

        public String id() {
            return id;
        }
    }

    private final RecordService records;
    private final WrittenReport reports;
    private final ExecutorService builder = Executors.newSingleThreadExecutor(task -> {
        var thread = new Thread(task, "cycle-reports-zip");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    CycleReports(RecordService records, WrittenReport reports) {
        this.records = records;
        this.reports = reports;
    }

    /**
     * Starts the zip of {@code cycle}'s reports for its reader; they follow it with {@link #job}. One zip per person
     * and cycle: pressing again while it is built follows the same one, and once it is built replaces it, so
     * pressing in a loop neither queues work for every school's zips nor fills the disk.
     */
    synchronized Job start(RecordService.CycleToReport cycle) {
        forgetOldJobs();
        String owner = cycle.reader().username();
        long cycleId = cycle.cycle().id();
        for (Job earlier : List.copyOf(jobs.values())) {
            if (earlier.owner.equals(owner) && earlier.cycleId == cycleId) {
                if (earlier.state == State.RUNNING) {
                    return earlier;
                }
                jobs.remove(earlier.id);
                deleteQuietly(earlier.file);
            }
        }
        Path file;
        try {
            file = Files.createTempFile("reviewcycle-reports-", ".zip");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = (cycle.school().name() + " reports " + cycle.cycle().academicYear())
                .replaceAll("[^A-Za-z0-9]+", "-") + ".zip";
        var job = new Job(cycle.cycle().id(), cycle.reader().username(), name, cycle.reviewIds().size(), file);
        jobs.put(job.id, job);
        builder.execute(() -> build(job, cycle));
        return job;
    }

    private void build(Job job, RecordService.CycleToReport cycle) {
        try (var zip = new ZipEntries(new BufferedOutputStream(Files.newOutputStream(job.file)))) {
            for (long reviewId : cycle.reviewIds()) {
                zip.addReport("", reports, records.readRecordAs(cycle.reader(), reviewId, RecordRead.What.CYCLE_ZIP));
                job.done.incrementAndGet();
            }
            job.state = State.READY;
        } catch (IOException | RuntimeException e) {
            log.error("The zip of the reports of cycle {} failed", job.cycleId, e);
            job.state = State.FAILED;
        }
    }

    /** The job, if it is {@code owner}'s and of that cycle; else not found (nobody learns of others' zips). */
    Job job(String id, String owner, long cycleId) {
        Job job = jobs.get(id);
        if (job == null || !job.owner.equals(owner) || job.cycleId != cycleId) {
            throw new NotFoundException("There is no such zip of reports: it may have been cleared after "
                    + KEPT_HOURS + " hours. Build it again.");
        }
        return job;
    }

    private void forgetOldJobs() {
        Instant before = Instant.now().minus(Duration.ofHours(KEPT_HOURS));
        jobs.values().removeIf(job -> {
            if (job.started.isBefore(before) && job.state != State.RUNNING) {
                deleteQuietly(job.file);
                return true;
            }
            return false;
        });
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}", file, e);
        }
    }

    @Override
    public void destroy() {
        builder.shutdownNow();
        jobs.values().forEach(job -> deleteQuietly(job.file));
    }
}

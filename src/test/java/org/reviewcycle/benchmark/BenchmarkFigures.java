package org.reviewcycle.benchmark;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the benchmark measured, as printed and written to target/bench/results.json. */
final class BenchmarkFigures {

    private BenchmarkFigures() {
    }

    /** Launching cycles: reviews started until every first task exists, beside the bare engine's instances. */
    record Launch(String name, long reviews, int batchSize, double seconds, double bareSeconds, double rowsPerReview,
            double bareRowsPerInstance, double queriesPerReview, double bareQueriesPerInstance,
            Map<String, Double> rowsPerReviewByTable) {

        @JsonProperty
        double reviewsPerSecond() {
            return reviews / seconds;
        }

        @JsonProperty
        double bareInstancesPerSecond() {
            return reviews / bareSeconds;
        }

        @JsonProperty
        double ratio() {
            return reviewsPerSecond() / bareInstancesPerSecond();
        }

        /** The rows of one launch transaction: one batch of reviews. */
        @JsonProperty
        double rowsPerBatch() {
            return rowsPerReview * batchSize;
        }

        @JsonProperty
        double batchesPerSecond() {
            return reviewsPerSecond() / batchSize;
        }
    }

    /** Latencies of one side of a concurrent run, in milliseconds, and its throughput. */
    record Latencies(int operations, double p50, double p95, double max, double perSecond,
            int optimisticLockingFailures, double rowsPerOperation, double queriesPerOperation) {

        static Latencies of(List<Long> nanos, long wallNanos, int optimisticLockingFailures, double rowsPerOperation,
                double queriesPerOperation) {
            var sorted = new ArrayList<>(nanos);
            Collections.sort(sorted);
            return new Latencies(sorted.size(), percentile(sorted, 50), percentile(sorted, 95),
                    sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6, sorted.size() / (wallNanos / 1e9),
                    optimisticLockingFailures, rowsPerOperation, queriesPerOperation);
        }

        /** The nearest-rank percentile. */
        private static double percentile(List<Long> sorted, int percent) {
            if (sorted.isEmpty()) {
                return 0;
            }
            int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
            return sorted.get(Math.max(0, rank - 1)) / 1e6;
        }
    }

    /** Team leaders completing planning meetings at once, beside bare completions with the same variables. */
    record TaskWork(int users, int objectivesEach, Latencies ours, Latencies bare) {

        @JsonProperty
        double p95Ratio() {
            return ours.p95() / bare.p95();
        }
    }

    /** A head's Tasklist page (first page and count) at a number of open tasks, beside the bare query. */
    record TaskList(long openTasks, int headsTasks, Latencies ours, Latencies bare) {

        @JsonProperty
        double p95Ratio() {
            return ours.p95() / bare.p95();
        }
    }

    /**
     * Fresh browsers logging in as the head and seeing "My tasks" ({@code headsTasks} tasks): the
     * first login after the application started, each login, and their latencies, by the browser's own
     * clock (from the click event to the frame that draws the first task); and the same logins timed
     * from outside the browser, through WebDriver.
     */
    record Login(String server, int headsTasks, double firstMillis, List<Long> eachMillis, Latencies fresh,
            List<Long> eachOutsideMillis, Latencies outside) {
    }

    /**
     * The physical ceiling: raw JDBC transactions, each inserting as many rows as one operation writes,
     * with the same concurrency, on the same database in the same run.
     */
    record CommitCeiling(String operation, int rowsPerTransaction, int threads, double transactionsPerSecond) {
    }

    /** All figures of one database. */
    record DatabaseRun(String database, String version, Map<String, String> serverSettings, List<Launch> launches, TaskWork taskWork,
            List<TaskList> taskLists, List<CommitCeiling> commitCeilings, Login login) {

        CommitCeiling ceiling(String operation) {
            return commitCeilings.stream().filter(c -> c.operation().equals(operation)).findFirst().orElseThrow();
        }
    }

    /** Everything of one benchmark run, as written to results.json. */
    record Results(Machine machine, List<DatabaseRun> runs) {
    }

    /** The machine the figures come from. */
    record Machine(String host, String cpu, int cores, double memoryGiB, String java, String os, String when) {

        static Machine here() {
            String host;
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                host = "unknown";
            }
            return new Machine(host, procLine("/proc/cpuinfo", "model name"), Runtime.getRuntime().availableProcessors(),
                    totalMemoryGiB(), System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                    System.getProperty("os.name") + " " + System.getProperty("os.version"),
                    OffsetDateTime.now().withNano(0).toString());
        }

        private static double totalMemoryGiB() {
            String total = procLine("/proc/meminfo", "MemTotal"); // "24576000 kB"
            try {
                return Math.round(Long.parseLong(total.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0 * 10) / 10.0;
            } catch (NumberFormatException e) {
                return 0;
            }
        }

        private static String procLine(String file, String key) {
            try (var lines = Files.lines(Path.of(file))) {
                return lines.filter(l -> l.startsWith(key)).findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim())
                        .orElse("unknown");
            } catch (IOException e) {
                return "unknown";
            }
        }
    }

    static String databaseVersion(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            var meta = connection.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

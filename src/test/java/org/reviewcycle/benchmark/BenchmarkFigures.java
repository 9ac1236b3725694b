package org.reviewcycle.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** What the benchmark measured, as printed and written to target/bench/results.json. */
final class BenchmarkFigures {

    private BenchmarkFigures() {
    }

    /** Launching cycles: reviews started until every first task exists, beside the bare engine's instances. */
    record Launch(String name, long reviews, double seconds, double bareSeconds, double rowsPerReview,
            double bareRowsPerInstance, double queriesPerReview, double bareQueriesPerInstance, double reviewsPerCommit,
            Map<String, Double> rowsPerReviewByTable) {

        double reviewsPerSecond() {
            return reviews / seconds;
        }

        double bareInstancesPerSecond() {
            return reviews / bareSeconds;
        }

        double ratio() {
            return reviewsPerSecond() / bareInstancesPerSecond();
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

        double p95Ratio() {
            return ours.p95() / bare.p95();
        }
    }

    /** A head's Tasklist page (first page and count) at a number of open tasks, beside the bare query. */
    record TaskList(long openTasks, int headsTasks, Latencies ours, Latencies bare) {
    }

    /**
     * The physical ceiling: raw JDBC transactions, each inserting as many rows as one operation writes,
     * with the same concurrency, on the same database in the same run.
     */
    record CommitCeiling(String operation, int rowsPerTransaction, int threads, double transactionsPerSecond) {
    }
}

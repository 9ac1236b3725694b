package org.reviewcycle.benchmark;

import java.util.Map;

/** What the benchmark measured, as printed and written to target/bench/results.json. */
final class BenchmarkFigures {

    private BenchmarkFigures() {
    }

    record Launch(String name, long reviews, double seconds, double bareSeconds, double rowsPerReview,
            double bareRowsPerInstance, double reviewsPerCommit, Map<String, Double> rowsPerReviewByTable) {

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
}

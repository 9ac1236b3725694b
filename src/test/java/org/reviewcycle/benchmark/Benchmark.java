package org.reviewcycle.benchmark;

import org.camunda.bpm.engine.RepositoryService;
import org.reviewcycle.support.GeneratedTrust;

import javax.sql.DataSource;

public final class Benchmark {

    public static void main(String[] args) {
        var database = BenchmarkDatabase.valueOf(System.getProperty("bench.database", "MARIADB"));
        int schools = Integer.getInteger("bench.schools", 10);
        try (var app = new BenchmarkApplication(database)) {
            BareProcesses.deploy(app.bean(RepositoryService.class));
            var trust = new GeneratedTrust(app.bean(DataSource.class), "s");
            var launch = new LaunchBenchmark(app);
            for (int i = 1; i <= schools; i++) {
                var school = trust.addSchool(i, 200, GeneratedTrust.Milestones.of2026());
                launch.launch(school, true);
            }
            var f = launch.figures("launch");
            System.out.printf("queries per review %.1f ours, %.1f bare%n", f.queriesPerReview(), f.bareQueriesPerInstance());
            System.out.printf("%s: %d reviews, %.1f/s ours, %.1f/s bare, ratio %.2f, rows/review %.1f vs %.1f%n%s%n",
                    f.name(), f.reviews(), f.reviewsPerSecond(), f.bareInstancesPerSecond(), f.ratio(),
                    f.rowsPerReview(), f.bareRowsPerInstance(), f.rowsPerReviewByTable());
        }
    }
}

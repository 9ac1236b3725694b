package org.reviewcycle.benchmark;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;

import org.reviewcycle.record.RecordRead;
import org.reviewcycle.record.RecordService;
import org.reviewcycle.record.WrittenReport;
import org.reviewcycle.review.Review;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.SignedOffReview;
import org.reviewcycle.support.TestSchool;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * One written report ({@code -Dbench.parts=report}, issue 14's "one report renders in under 1 second"): a
 * teacher's review taken through the whole cycle, then its PDF produced {@value #RENDERS} times as the
 * endpoint /records/reviews/{id}/report.pdf does it for the head: the record read (every table of the
 * review, the access check, the access log written) and rendered by openhtmltopdf as a tagged PDF. After
 * {@value #WARM_UP} renders to warm the JVM, p50 and p95 of the rest.
 */
final class ReportBenchmark {

    static final int WARM_UP = 20;
    static final int RENDERS = 200;
    private static final double TARGET_MILLIS = 1000;

    private ReportBenchmark() {
    }

    record Figures(String database, double p50, double p95, double max, int bytes) {
    }

    static Figures run(BenchmarkDatabase database) {
        try (var app = new BenchmarkApplication(database)) {
            TestSchool school = TestSchool.create(app.bean(SchoolService.class), app.bean(StaffService.class));
            Review review = new SignedOffReview(app::bean).of(school);
            RecordService records = app.bean(RecordService.class);
            WrittenReport reports = app.bean(WrittenReport.class);
            SecurityContextHolder.getContext().setAuthentication(
                    new TestingAuthenticationToken(school.head().username(), "demo", "staff"));
            var nanos = new ArrayList<Long>();
            long wall = 0;
            int bytes = 0;
            for (int i = 0; i < WARM_UP + RENDERS; i++) {
                long start = System.nanoTime();
                var pdf = new ByteArrayOutputStream();
                reports.render(records.readRecord(review.id(), RecordRead.What.PDF).record(), pdf);
                long took = System.nanoTime() - start;
                bytes = pdf.size();
                if (i >= WARM_UP) {
                    nanos.add(took);
                    wall += took;
                }
            }
            SecurityContextHolder.clearContext();
            var latencies = BenchmarkFigures.Latencies.of(nanos, wall, 0, 0, 0);
            var figures = new Figures(database.name(), latencies.p50(), latencies.p95(), latencies.max(), bytes);
            System.out.printf("written report, %s: p50 %.0f ms, p95 %.0f ms, max %.0f ms, %,d bytes%n",
                    database, figures.p50(), figures.p95(), figures.max(), bytes);
            return figures;
        }
    }

    /** The README's table row for these figures. */
    static String rows(Figures f) {
        return String.format("| written report of one review (record read, access logged, tagged PDF of %.0f KB), %s: "
                + "p50 / p95 | %.0f ms / %.0f ms |  |  | p95 < %.0f ms: %s |  |  |%n", f.bytes() / 1024.0, f.database(),
                f.p50(), f.p95(), TARGET_MILLIS, f.p95() < TARGET_MILLIS ? "met" : "**missed**");
    }
}

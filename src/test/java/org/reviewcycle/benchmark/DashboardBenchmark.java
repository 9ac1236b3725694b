package org.reviewcycle.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.reviewcycle.reporting.DashboardService;
import org.reviewcycle.school.School;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.support.GeneratedTrust;

/**
 * The dashboards at trust scale ({@code -Dbench.parts=dashboard}): {@value #SCHOOLS} generated schools of
 * {@value Benchmark#STAFF_PER_SCHOOL} staff, whose reviews of a year are written with a few set-based SQL
 * inserts (reviews, three objectives each, the head's approvals, an observation for each teacher, final
 * reviews and outcomes for a tenth, and the engine's task history: two steps done and one open per review),
 * as far on as a cycle in its spring term. Then the trust's dashboard, and one head's, are each read
 * {@value #READS} times after {@value #WARM_UP} reads to warm up. The target: the trust's under 1 s at p95.
 */
final class DashboardBenchmark {

    static final int SCHOOLS = 250;
    static final int WARM_UP = 5;
    static final int READS = 40;
    private static final double TARGET_MILLIS = 1000;
    private static final String YEAR = GeneratedTrust.ACADEMIC_YEAR;

    private DashboardBenchmark() {
    }

    record Figures(String database, int schools, long reviews, long engineTasks, double generateSeconds,
            Percentiles trust, Percentiles school) {
    }

    record Percentiles(double p50, double p95, double max) {

        static Percentiles of(List<Double> millis) {
            double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return new Percentiles(sorted[(int) Math.ceil(0.5 * sorted.length) - 1],
                    sorted[(int) Math.ceil(0.95 * sorted.length) - 1], sorted[sorted.length - 1]);
        }
    }

    static Figures run(BenchmarkDatabase database) {
        try (var app = new BenchmarkApplication(database)) {
            DataSource dataSource = app.bean(DataSource.class);
            long start = System.nanoTime();
            var trust = new GeneratedTrust(dataSource, "d");
            for (int i = 1; i <= SCHOOLS; i++) {
                trust.addSchool(i, Benchmark.STAFF_PER_SCHOOL, GeneratedTrust.Milestones.of2026());
                if (i % 50 == 0) {
                    System.out.printf("  %d schools generated%n", i);
                }
            }
            long[] counts = writeTheYear(dataSource);
            double generated = (System.nanoTime() - start) / 1e9;
            System.out.printf("dashboard data: %,d reviews, %,d engine tasks in %.0f s%n", counts[0], counts[1], generated);

            DashboardService dashboards = app.bean(DashboardService.class);
            LocalDateTime now = LocalDateTime.of(2027, 3, 1, 12, 0);
            var trustFigures = time(() -> dashboards.trustDashboard(YEAR, now).rows().size(), SCHOOLS);
            School first = app.bean(SchoolService.class).findSchool("d0001").orElseThrow();
            var cycle = dashboards.cycleOf(first, YEAR, now.toLocalDate());
            var schoolFigures = time(() -> dashboards.schoolDashboard(first, cycle, now).tables().size(), -1);
            var figures = new Figures(database.name(), SCHOOLS, counts[0], counts[1], generated, trustFigures, schoolFigures);
            System.out.printf("trust dashboard: p50 %.0f ms, p95 %.0f ms; a head's dashboard: p50 %.0f ms, p95 %.0f ms%n",
                    trustFigures.p50(), trustFigures.p95(), schoolFigures.p50(), schoolFigures.p95());
            return figures;
        }
    }

    /** Reads {@code read} {@value #WARM_UP} times, then times {@value #READS} reads; {@code expected} rows (-1: any). */
    private static Percentiles time(Supplier<Integer> read, int expected) {
        for (int i = 0; i < WARM_UP; i++) {
            int rows = read.get();
            if (expected >= 0 && rows != expected) {
                throw new IllegalStateException("Dashboard benchmark: expected " + expected + " rows, read " + rows);
            }
        }
        var millis = new ArrayList<Double>();
        for (int i = 0; i < READS; i++) {
            long start = System.nanoTime();
            read.get();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return Percentiles.of(millis);
    }

    /**
     * The year so far, in set-based inserts: every member of staff with a reviewer has a review (one in ten
     * signed off); three objectives each (two on the school's first priority, one on its second); nine in ten
     * approved, most by 31 October; each teacher observed once; the signed-off ones with a final review and
     * an outcome per objective; in the engine's history two steps done and one open (the mid-year check),
     * each review's at its own time.
     */
    private static long[] writeTheYear(DataSource dataSource) {
        String audit = "'bench', current_timestamp, 'bench', current_timestamp";
        List<String> statements = List.of(
                "insert into review (cycle_id, staff_id, reviewer_id, state, process_instance_id, created_by, created_at,"
                        + " updated_by, updated_at) select c.id, s.id, s.reviewer_id,"
                        + " case when mod(s.id, 10) = 0 then 'COMPLETE' else 'IN_PROGRESS' end, concat('bench-', s.id), " + audit
                        + " from staff_member s join review_cycle c on c.school_id = s.school_id and c.academic_year = '" + YEAR
                        + "' where s.reviewer_id is not null and s.school_id in (select id from school where code like 'd%')",
                "insert into objective (review_id, round, position, priority_id, title, success_criteria, evidence, cpd_support,"
                        + " created_by, created_at, updated_by, updated_at) select r.id, 1, n.pos,"
                        + " (select case when n.pos = 3 then max(p.id) else min(p.id) end from school_priority p"
                        + "   where p.school_id = c.school_id),"
                        + " 'An objective of the year', 'Success criteria', 'Evidence',"
                        + " case when n.pos = 1 then 'A course' end, " + audit
                        + " from review r join review_cycle c on c.id = r.cycle_id"
                        + " join (select 1 as pos union all select 2 union all select 3) n on 1 = 1"
                        + " where r.process_instance_id like 'bench-%'",
                "insert into objective_decision (review_id, round, decision, reason, created_by, created_at, updated_by,"
                        + " updated_at) select r.id, 1, 'APPROVED', null, 'bench',"
                        + " case when mod(r.id, 7) = 0 then timestamp '2026-11-10 10:00:00' else timestamp '2026-10-15 10:00:00' end,"
                        + " 'bench', current_timestamp from review r where r.process_instance_id like 'bench-%' and mod(r.id, 10) <> 1",
                "insert into lesson_observation (review_id, observer, observed_on, judgement, strengths, areas_to_develop,"
                        + " created_by, created_at, updated_by, updated_at) select r.id, 'bench', date '2026-11-20',"
                        + " case mod(r.id, 4) when 0 then 'OUTSTANDING' when 3 then 'REQUIRES_IMPROVEMENT' else 'GOOD' end,"
                        + " 'Pace', 'Questioning', " + audit
                        + " from review r join staff_member s on s.id = r.staff_id where r.process_instance_id like 'bench-%'"
                        + " and s.category like 'TEACHER%'",
                "insert into final_review (review_id, round, impact_on_pupils, impact_on_practice, impact_on_colleagues,"
                        + " cpd_undertaken, development_needs, pay_recommendation, created_by, created_at, updated_by, updated_at)"
                        + " select r.id, 1, 'Pupils', 'Practice', 'Colleagues', 'A course', 'Needs', null, " + audit
                        + " from review r where r.process_instance_id like 'bench-%' and r.state = 'COMPLETE'",
                "insert into objective_outcome (final_review_id, objective_id, outcome, evidence, created_by, created_at,"
                        + " updated_by, updated_at) select f.id, o.id,"
                        + " case mod(o.id, 3) when 0 then 'MET' when 1 then 'PARTLY_MET' else 'NOT_MET' end, 'Evidence', " + audit
                        + " from final_review f join objective o on o.review_id = f.review_id"
                        + " join review r on r.id = f.review_id where r.process_instance_id like 'bench-%'",
                engineTask("Task_SelfReflection", "Reflect before the planning meeting", "timestamp '2026-09-10 09:00:00'",
                        "timestamp '2026-09-20 09:00:00'"),
                engineTask("Task_PlanningMeeting", "Hold the planning meeting", "timestamp '2026-09-20 09:00:00'",
                        "timestamp '2026-10-10 09:00:00'"),
                engineTask("Task_MidYearCheck", "Hold the mid-year check", "timestamp '2027-02-01 09:00:00'", null));
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            for (String statement : statements) {
                try (var update = connection.createStatement()) {
                    update.executeUpdate(statement);
                }
            }
            try (var count = connection.createStatement();
                    var reviews = count.executeQuery("select (select count(*) from review), (select count(*) from ACT_HI_TASKINST)")) {
                reviews.next();
                return new long[] {reviews.getLong(1), reviews.getLong(2)};
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Dashboard benchmark: could not write the year", e);
        }
    }

    /** One task per review in the engine's history; {@code end} null: open now. Spread over a week by review id. */
    private static String engineTask(String key, String name, String start, String end) {
        String spread = "timestampadd(HOUR, mod(r.id, 168), " + start + ")";
        return "insert into ACT_HI_TASKINST (ID_, TASK_DEF_KEY_, PROC_DEF_KEY_, PROC_INST_ID_, NAME_, START_TIME_, END_TIME_,"
                + " DURATION_, DELETE_REASON_, TENANT_ID_) select concat(r.process_instance_id, '-" + key + "'), '" + key
                + "', 'AnnualReviewCycle', r.process_instance_id, concat('" + name + ": ', s.first_name, ' ', s.last_name), "
                + spread + ", " + (end == null ? "null" : end) + ", "
                + (end == null ? "null" : "timestampdiff(SECOND, " + spread + ", " + end + ") * 1000") + ", "
                + (end == null ? "null" : "'completed'") + ", sc.code"
                + " from review r join staff_member s on s.id = r.staff_id join school sc on sc.id = s.school_id"
                + " where r.process_instance_id like 'bench-%'";
    }

    /** The README's table rows for these figures. */
    static String rows(Figures f) {
        return String.format("| Trust dashboard, %,d reviews in %d schools (%,d engine tasks), %s: p50 / p95 | %.0f ms / %.0f ms "
                + "|  |  | p95 < %.0f ms: %s |  |  |%n", f.reviews(), f.schools(), f.engineTasks(), f.database(),
                f.trust().p50(), f.trust().p95(), TARGET_MILLIS, f.trust().p95() < TARGET_MILLIS ? "met" : "**missed**")
                + String.format("| A head's dashboard, one school of %d among them, %s: p50 / p95 | %.0f ms / %.0f ms "
                + "|  |  |  |  |  |%n", Benchmark.STAFF_PER_SCHOOL, f.database(), f.school().p50(), f.school().p95());
    }

    static void write(String rows) {
        try {
            Path out = Path.of("target", "bench");
            Files.createDirectories(out);
            Files.writeString(out.resolve("dashboard.md"), rows);
            System.out.println("Written: " + out.resolve("dashboard.md"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.reviewcycle.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The benchmark's figures as the Markdown table the README shows: one table per database, every
 * figure beside the bare engine's from the same run, the targets (set for MariaDB) marked met or
 * missed, and the rows written per operation against the commit ceiling measured in the run.
 */
final class BenchmarkTable {

    /** Issue 12: with a tenant per school, the launch at least 0.85 times the bare engine's rate. */
    static final double LAUNCH_MIN_RATIO = 0.85;
    static final double TASK_WORK_MAX_P95_RATIO = 2.0;
    static final double TASK_LIST_MAX_P95_MS = 100;
    static final double TASK_LIST_MAX_GROWTH = 1.5;
    static final double LOGIN_MAX_P95_MS = 1000;

    private final StringBuilder out = new StringBuilder();

    private BenchmarkTable() {
    }

    static String of(BenchmarkFigures.Results results) {
        var table = new BenchmarkTable();
        var m = results.machine();
        table.line("Machine: %s, %s, %d cores, %.1f GiB, %s, %s; run %s.", m.host(), m.cpu(), m.cores(), m.memoryGiB(),
                m.java(), m.os(), m.when());
        for (var run : results.runs()) {
            table.database(run);
        }
        return table.out.toString();
    }

    private void database(BenchmarkFigures.DatabaseRun run) {
        boolean targets = run.database().equals(BenchmarkDatabase.MARIADB.name());
        line("");
        line("%s (%s)%s", run.version(), run.database().equals("H2") ? "default profile, file database"
                : "mysql profile", targets ? "" : ": the targets are set for MariaDB, shown for comparison");
        if (!run.serverSettings().isEmpty()) {
            line("");
            line("Server: %s", String.join(", ", run.serverSettings().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toList()));
        }
        line("");
        line("| figure | ReviewCycle | bare engine | ratio | target | rows written per operation | of the commit ceiling |");
        line("|---|---|---|---|---|---|---|");
        if (run.login() != null) {
            var login = run.login();
            row(f("login to task list, fresh browser, by the browser's clock (%d logins as the head, %d tasks in \"My tasks\"; server: %s): p50 / p95",
                    login.fresh().operations(), login.headsTasks(), login.server()),
                    ms(login.fresh().p50()) + " / " + ms(login.fresh().p95()), "", "",
                    verdict(targets, login.fresh().p95() < LOGIN_MAX_P95_MS, "p95 < %.0f ms", LOGIN_MAX_P95_MS),
                    f("the first login after the start: %s; each in ms: %s", ms(login.firstMillis()),
                            login.eachMillis().stream().map(String::valueOf).collect(Collectors.joining(", "))), "");
            row("the same logins timed from outside the browser, through WebDriver (its click, then a poll every 50 ms): p50 / p95",
                    ms(login.outside().p50()) + " / " + ms(login.outside().p95()), "", "", "",
                    f("each in ms: %s", login.eachOutsideMillis().stream().map(String::valueOf)
                            .collect(Collectors.joining(", "))), "");
        }
        if (run.launches().isEmpty()) {
            return; // -Dbench.parts=login
        }
        var launchCeiling = run.ceiling("launch");
        for (var launch : run.launches()) {
            String target = verdict(targets, launch.ratio() >= LAUNCH_MIN_RATIO, "ratio >= %.2f", LAUNCH_MIN_RATIO);
            row("launch, " + launch.name(), f("%.0f reviews/s", launch.reviewsPerSecond()),
                    f("%.0f instances/s", launch.bareInstancesPerSecond()), f("%.2f", launch.ratio()), target,
                    f("%.1f per review (bare %.1f); %d reviews, %.0f rows per transaction", launch.rowsPerReview(),
                            launch.bareRowsPerInstance(), launch.batchSize(), launch.rowsPerBatch()),
                    f("%.2f (%.1f of %.1f tx/s of %d rows)", launch.batchesPerSecond() / launchCeiling.transactionsPerSecond(),
                            launch.batchesPerSecond(), launchCeiling.transactionsPerSecond(),
                            launchCeiling.rowsPerTransaction()));
        }
        if (run.taskWork() == null) {
            return; // -Dbench.parts=launch
        }
        var work = run.taskWork();
        var workCeiling = run.ceiling("task work");
        String who = f("task work, %d leaders at once, %d objectives", work.users(), work.objectivesEach());
        row(who + ": p50", ms(work.ours().p50()), ms(work.bare().p50()), f("%.2f", work.ours().p50() / work.bare().p50()),
                "", "", "");
        row(who + ": p95", ms(work.ours().p95()), ms(work.bare().p95()), f("%.2f", work.p95Ratio()),
                verdict(targets, work.p95Ratio() <= TASK_WORK_MAX_P95_RATIO, "p95 <= %.0fx bare", TASK_WORK_MAX_P95_RATIO),
                "", "");
        row(who + ": throughput", f("%.1f/s", work.ours().perSecond()), f("%.1f/s", work.bare().perSecond()),
                f("%.2f", work.ours().perSecond() / work.bare().perSecond()), "",
                f("%.1f (bare %.1f)", work.ours().rowsPerOperation(), work.bare().rowsPerOperation()),
                f("%.2f (%.1f of %.1f tx/s of %d rows, %d threads)",
                        work.ours().perSecond() / workCeiling.transactionsPerSecond(), work.ours().perSecond(),
                        workCeiling.transactionsPerSecond(), workCeiling.rowsPerTransaction(), workCeiling.threads()));
        row(who + ": optimistic-locking failures reaching a user", f("%d of %d", work.ours().optimisticLockingFailures(),
                work.ours().operations() + work.ours().optimisticLockingFailures()),
                f("%d", work.bare().optimisticLockingFailures()), "",
                verdict(targets, work.ours().optimisticLockingFailures() == 0, "none"), "", "");
        BenchmarkFigures.TaskList smallest = run.taskLists().get(0);
        for (var list : run.taskLists()) {
            double growth = list.ours().p95() / smallest.ours().p95();
            boolean larger = list != smallest;
            String target = verdict(targets, list.ours().p95() < TASK_LIST_MAX_P95_MS
                    && (!larger || growth <= TASK_LIST_MAX_GROWTH), larger
                    ? "p95 < %.0f ms, <= %.1fx of the first (%.2fx)" : "p95 < %.0f ms", TASK_LIST_MAX_P95_MS,
                    TASK_LIST_MAX_GROWTH, growth);
            row(f("head's \"My tasks\" page and count, %,d open tasks (%d the head's): p50 / p95", list.openTasks(),
                    list.headsTasks()), ms(list.ours().p50()) + " / " + ms(list.ours().p95()),
                    ms(list.bare().p50()) + " / " + ms(list.bare().p95()), f("%.2f", list.p95Ratio()), target,
                    f("%.1f (reads only)", list.ours().rowsPerOperation()), "no commit");
        }
    }

    private static String verdict(boolean applies, boolean met, String target, Object... args) {
        String text = String.format(Locale.ROOT, target, args);
        return applies ? text + (met ? ": met" : ": **missed**") : "(" + text + ")";
    }

    private void row(String... cells) {
        var escaped = new ArrayList<String>();
        for (String cell : cells) {
            escaped.add(cell.replace("|", "\\|"));
        }
        line("| %s |", String.join(" | ", escaped));
    }

    private static String ms(double millis) {
        return millis < 10 ? f("%.1f ms", millis) : f("%.0f ms", millis);
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private void line(String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

}

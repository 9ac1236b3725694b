package org.reviewcycle.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.camunda.bpm.engine.RepositoryService;
import org.reviewcycle.security.PersonalTaskFilters;
import org.reviewcycle.support.GeneratedTrust;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The trust-scale benchmark: {@code ./mvnw -Pbenchmark verify} (README, "Benchmark"). On each
 * database, on an empty schema, one run of the whole application, schools of 200 generated staff
 * launched one after another, each school's launch followed by the bare engine starting as many
 * one-task instances the same way (those stay, open tasks like the reviews'):
 * <ol>
 * <li>at 25 schools (10,000 open tasks) the head of school 1, with 20 objectives to approve, opens
 * Tasklist's "My tasks";</li>
 * <li>at 50 schools the launch figures of 10,000 staff; then task work: the first team leader of
 * schools 2 to 21 (20 people at once) completes planning meetings, beside bare completions;</li>
 * <li>at 250 schools the launch figures of 50,000 staff, and the head's "My tasks" again among
 * 100,000 open tasks;</li>
 * <li>the commit ceilings for the rows each operation writes per transaction.</li>
 * </ol>
 * Before the task list is timed, the head logs in {@value LoginBenchmark#LOGINS} times, each in a
 * fresh browser, and the time from pressing "Log in" to seeing the task list is taken.
 * Options: {@code -Dbench.schools=250} (at least 25), {@code -Dbench.databases=MARIADB,H2}, MariaDB
 * at {@code -Dbench.mysql.url=...}, {@code -Dbench.mysql.user}, {@code -Dbench.mysql.password};
 * {@code -Dbench.parts=login} times only the logins, in one school of {@value #STAFF_PER_SCHOOL};
 * {@code -Dbench.parts=launch} only the launch of {@value #FIRST_LAUNCH_SCHOOLS} schools beside the bare engine;
 * {@code -Dbench.parts=import} only the MIS import of {@value ImportBenchmark#ROWS} staff ({@link ImportBenchmark});
 * {@code -Dbench.parts=report} only the written report of one review ({@link ReportBenchmark});
 * {@code -Dbench.parts=dashboard} only the dashboards over {@value DashboardBenchmark#SCHOOLS} schools ({@link DashboardBenchmark});
 * {@code -Dbench.parts=parsed-cycles} only the heap that {@code bench.schools} parsed cycles take ({@link ParsedCyclesBenchmark}).
 */
public final class Benchmark {

    static final int STAFF_PER_SCHOOL = 200;
    static final int TASK_LIST_FIRST_SCHOOLS = 25;
    static final int FIRST_LAUNCH_SCHOOLS = 50;
    static final int TASK_WORK_LEADERS = 20;
    static final int HEADS_APPROVALS = 20;

    private Benchmark() {
    }

    public static void main(String[] args) throws IOException {
        int schools = Integer.getInteger("bench.schools", 250);
        if (schools < TASK_LIST_FIRST_SCHOOLS) {
            throw new IllegalArgumentException("bench.schools must be at least " + TASK_LIST_FIRST_SCHOOLS);
        }
        List<BenchmarkDatabase> databases = Arrays.stream(System.getProperty("bench.databases", "MARIADB,H2").split(","))
                .map(String::trim).map(name -> BenchmarkDatabase.valueOf(name.toUpperCase())).toList();
        if ("import".equals(System.getProperty("bench.parts", "all"))) {
            var rows = new StringBuilder();
            databases.forEach(database -> rows.append(ImportBenchmark.rows(ImportBenchmark.run(database))));
            System.out.println(rows);
            ImportBenchmark.write(rows.toString());
            return;
        }
        if ("report".equals(System.getProperty("bench.parts", "all"))) {
            var rows = new StringBuilder();
            databases.forEach(database -> rows.append(ReportBenchmark.rows(ReportBenchmark.run(database))));
            System.out.println(rows);
            return;
        }
        if ("parsed-cycles".equals(System.getProperty("bench.parts", "all"))) {
            var rows = new StringBuilder();
            databases.forEach(database -> rows.append(ParsedCyclesBenchmark.rows(ParsedCyclesBenchmark.run(database, schools))));
            System.out.println(rows);
            return;
        }
        if ("dashboard".equals(System.getProperty("bench.parts", "all"))) {
            var rows = new StringBuilder();
            databases.forEach(database -> rows.append(DashboardBenchmark.rows(DashboardBenchmark.run(database))));
            System.out.println(rows);
            DashboardBenchmark.write(rows.toString());
            return;
        }
        String parts = System.getProperty("bench.parts", "all");
        boolean loginOnly = "login".equals(parts);
        boolean launchOnly = "launch".equals(parts);
        var runs = new ArrayList<BenchmarkFigures.DatabaseRun>();
        for (BenchmarkDatabase database : databases) {
            System.out.printf("%n== Benchmark on %s, %s ==%n", database, loginOnly ? "logins only, one school"
                    : launchOnly ? String.format("the launch only, %,d schools", FIRST_LAUNCH_SCHOOLS)
                    : String.format("up to %,d schools", schools));
            runs.add(loginOnly ? logins(database) : launchOnly ? launches(database) : run(database, schools));
        }
        var results = new BenchmarkFigures.Results(BenchmarkFigures.Machine.here(), runs);
        String table = BenchmarkTable.of(results);
        System.out.println();
        System.out.println(table);
        Path out = Path.of("target", "bench");
        Files.createDirectories(out);
        new ObjectMapper().findAndRegisterModules().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(out.resolve("results.json").toFile(), results);
        Files.writeString(out.resolve("results.md"), table);
        System.out.println("Written: " + out.resolve("results.json") + " and " + out.resolve("results.md"));
    }

    private static BenchmarkFigures.DatabaseRun run(BenchmarkDatabase database, int schoolCount) {
        try (var app = new BenchmarkApplication(database)) {
            DataSource dataSource = app.bean(DataSource.class);
            BareProcesses.deploy(app.bean(RepositoryService.class));
            var trust = new GeneratedTrust(dataSource, "s");
            var milestones = GeneratedTrust.Milestones.of2026();
            var schools = new ArrayList<GeneratedTrust.School>();
            var launches = new ArrayList<BenchmarkFigures.Launch>();
            var taskLists = new ArrayList<BenchmarkFigures.TaskList>();
            var launch = new LaunchBenchmark(app);
            var taskList = new TaskListBenchmark(app);

            // 25 schools: 5,000 reviews and as many bare instances, 10,000 open tasks
            launchSchools(trust, milestones, schools, launch, TASK_LIST_FIRST_SCHOOLS);
            taskList.giveTheHeadWork(schools.get(0), HEADS_APPROVALS);
            // the first use of the webapps since the start
            var login = progress(new LoginBenchmark(app.port(), "the benchmark's application, started before the trust was made")
                    .measure(schools.get(0), HEADS_APPROVALS));
            taskLists.add(progress(taskList.measure(schools.get(0))));

            int first = Math.min(FIRST_LAUNCH_SCHOOLS, schoolCount);
            launchSchools(trust, milestones, schools, launch, first);
            launches.add(progress(launch.figures(label(first))));

            var taskWork = new TaskWorkBenchmark(app).run(schools.subList(1, TASK_WORK_LEADERS + 1),
                    schools.get(TASK_WORK_LEADERS + 1));
            System.out.printf("task work: ours p95 %.0f ms, bare p95 %.0f ms%n", taskWork.ours().p95(),
                    taskWork.bare().p95());

            if (schoolCount > first) {
                launchSchools(trust, milestones, schools, launch, schoolCount);
                launches.add(progress(launch.figures(label(schoolCount))));
                taskLists.add(progress(taskList.measure(schools.get(0))));
            }

            var ceiling = new CommitCeiling(dataSource);
            var firstLaunch = launches.get(0);
            var ceilings = List.of(
                    ceiling.measure("launch", (int) Math.round(firstLaunch.rowsPerBatch()), 1),
                    ceiling.measure("task work", (int) Math.round(taskWork.ours().rowsPerOperation()),
                            TASK_WORK_LEADERS));
            return new BenchmarkFigures.DatabaseRun(database.name(), BenchmarkFigures.databaseVersion(dataSource),
                    BenchmarkDatabase.serverSettings(dataSource),
                    launches, taskWork, taskLists, ceilings, login);
        }
    }

    /** Only the launch of {@value #FIRST_LAUNCH_SCHOOLS} schools beside the bare engine, with the rows each writes. */
    private static BenchmarkFigures.DatabaseRun launches(BenchmarkDatabase database) {
        try (var app = new BenchmarkApplication(database)) {
            DataSource dataSource = app.bean(DataSource.class);
            BareProcesses.deploy(app.bean(RepositoryService.class));
            var launch = new LaunchBenchmark(app);
            launchSchools(new GeneratedTrust(dataSource, "s"), GeneratedTrust.Milestones.of2026(), new ArrayList<>(),
                    launch, FIRST_LAUNCH_SCHOOLS);
            var figures = progress(launch.figures(label(FIRST_LAUNCH_SCHOOLS)));
            System.out.println("rows per review, by table: " + figures.rowsPerReviewByTable());
            var ceiling = new CommitCeiling(dataSource).measure("launch", (int) Math.round(figures.rowsPerBatch()), 1);
            return new BenchmarkFigures.DatabaseRun(database.name(), BenchmarkFigures.databaseVersion(dataSource),
                    BenchmarkDatabase.serverSettings(dataSource), List.of(figures), null, List.of(), List.of(ceiling),
                    null);
        }
    }

    /** Only the logins: one school, its head with {@value #HEADS_APPROVALS} approvals to do. */
    private static BenchmarkFigures.DatabaseRun logins(BenchmarkDatabase database) {
        String version;
        Map<String, String> settings;
        GeneratedTrust.School school;
        try (var app = new BenchmarkApplication(database)) {
            DataSource dataSource = app.bean(DataSource.class);
            BareProcesses.deploy(app.bean(RepositoryService.class));
            var schools = new ArrayList<GeneratedTrust.School>();
            launchSchools(new GeneratedTrust(dataSource, "s"), GeneratedTrust.Milestones.of2026(), schools,
                    new LaunchBenchmark(app), 1);
            new TaskListBenchmark(app).giveTheHeadWork(schools.get(0), HEADS_APPROVALS);
            school = schools.get(0);
            // the head has logged in before (their "My tasks" is there), as at a school after a restart
            app.bean(PersonalTaskFilters.class).myTasksOf(school.head());
            version = BenchmarkFigures.databaseVersion(dataSource);
            settings = BenchmarkDatabase.serverSettings(dataSource);
        }
        // the logins are timed on a server started afresh on that trust, as after a restart: the first of
        // them finds none of the application's code run yet in its JVM
        try (var server = new ServerProcess(database)) {
            System.out.printf("server started on the trust in %d ms%n", server.startedMillis());
            // as at a school, where the first person logs in minutes after a restart, not seconds: the server
            // has done what it does once started (org.reviewcycle.tasklist.FirstLoginWarmUp)
            if (server.warmsUp()) {
                System.out.println(server.awaitLogLine(Duration.ofMinutes(2), "Ready for the first login",
                        "Warm-up for the first login").orElse("no warm-up seen in the server's log"));
            }
            var login = progress(new LoginBenchmark(server.port(), "java -jar, started afresh on the trust"
                    + (server.warmsUp() ? "" : ", without its warm-up"))
                    .measure(school, HEADS_APPROVALS));
            return new BenchmarkFigures.DatabaseRun(database.name(), version, settings, List.of(), null, List.of(),
                    List.of(), login);
        }
    }

    private static void launchSchools(GeneratedTrust trust, GeneratedTrust.Milestones milestones,
            List<GeneratedTrust.School> schools, LaunchBenchmark launch, int upTo) {
        while (schools.size() < upTo) {
            var school = trust.addSchool(schools.size() + 1, STAFF_PER_SCHOOL, milestones);
            schools.add(school);
            launch.launch(school);
            if (schools.size() % 50 == 0) {
                System.out.printf("  %d schools launched%n", schools.size());
            }
        }
    }

    private static String label(int schools) {
        return String.format("%,d staff in %d schools", schools * STAFF_PER_SCHOOL, schools);
    }

    private static BenchmarkFigures.Launch progress(BenchmarkFigures.Launch figures) {
        System.out.printf("launch, %s: %.0f reviews/s, bare %.0f/s, ratio %.2f%n", figures.name(),
                figures.reviewsPerSecond(), figures.bareInstancesPerSecond(), figures.ratio());
        return figures;
    }

    private static BenchmarkFigures.Login progress(BenchmarkFigures.Login figures) {
        System.out.printf("login to task list, fresh browser, by its own clock: first %.0f ms, p50 %.0f ms, p95 %.0f ms;"
                + " each in ms: %s%n", figures.firstMillis(), figures.fresh().p50(), figures.fresh().p95(), figures.eachMillis());
        System.out.printf("  the same from outside, through WebDriver: p50 %.0f ms, p95 %.0f ms; each in ms: %s%n",
                figures.outside().p50(), figures.outside().p95(), figures.eachOutsideMillis());
        return figures;
    }

    private static BenchmarkFigures.TaskList progress(BenchmarkFigures.TaskList figures) {
        System.out.printf("head's task list at %,d open tasks: p95 %.1f ms, bare p95 %.1f ms%n", figures.openTasks(),
                figures.ours().p95(), figures.bare().p95());
        return figures;
    }
}

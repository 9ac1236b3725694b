package org.reviewcycle.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reviewcycle.process.AnnualReviewCycleProcess.Elements.APPROVE_OBJECTIVES;
import static org.reviewcycle.process.AnnualReviewCycleProcess.Elements.PLANNING_MEETING;
import static org.reviewcycle.process.AnnualReviewCycleProcess.Elements.SELF_REFLECTION;
import static org.reviewcycle.support.EngineRest.REST;
import static org.reviewcycle.support.EngineRest.objective;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.reviewcycle.ReviewCycleApplication;
import org.reviewcycle.process.SchoolDeployments;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.support.EngineRest.Submission;
import org.reviewcycle.support.GeneratedTrust;
import org.reviewcycle.support.WebSession;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The database is restarted in the middle of use. ReviewCycle runs (in this JVM, on the mysql
 * profile) against a MariaDB server of the test's own ({@link PrivateMariaDb}); six people at once
 * do review steps through /engine-rest (the reviewee's self-reflection, then the team leader's
 * planning meeting), and the server is killed with SIGKILL in the middle and started again on the
 * same data after a while. While it is down every answer is 503 "try again" (never a 500, never a
 * Java name or a stack trace), on the API, the login form, our pages and Tasklist's API alike.
 * Afterwards the application recovers by itself, and the record is exact: every step answered
 * with 2xx is written once, in our tables and in Camunda's history, and every step that failed
 * was written whole or not at all: trying it again worked (or found it done).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseRestartIT {

    static final int STAFF = 41; // a head, four team leaders, 36 reviewees
    static final int WORKERS = 6;
    static final int SUCCESSES_BEFORE_THE_KILL = 12;
    static final Duration OUTAGE = Duration.ofSeconds(20);
    static final Duration DEADLINE = Duration.ofSeconds(150);
    static final String DATABASE = "reviewcycle";
    static final String TASKLIST_API = "/camunda/api/engine/engine/default";
    /** What an answer must never show: a Java class or package name, a stack frame, an engine code. */
    static final Pattern JAVA_TEXT = Pattern.compile(
            "Exception|\\bat [a-z]+\\.|\\b(java|javax|jakarta|org|com)\\.[a-z]+\\.|ENGINE-\\d+|Hikari|SQL");
    static final ObjectMapper JSON = new ObjectMapper();

    PrivateMariaDb mariadb;
    ConfigurableApplicationContext application;
    JdbcTemplate jdbc;
    String url;
    GeneratedTrust.School school;
    String admin;

    /** Where the run is: the answers are kept with the phase they were given in. */
    enum Phase { BEFORE, OUTAGE, AFTER }

    volatile Phase phase = Phase.BEFORE;

    record Answer(Phase phase, String what, String reviewId, String step, String taskId, int status, String body,
            long millis) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    final AtomicInteger stepsDone = new AtomicInteger();

    @BeforeAll
    void startTheDatabaseAndTheApplication() throws IOException {
        Path directory = Path.of(System.getProperty("reviewcycle.test.faults.dir", "target/faults"));
        Files.createDirectories(directory);
        mariadb = PrivateMariaDb.install(Files.createTempDirectory(directory.toAbsolutePath(), "mariadb-"));
        int port = PrivateMariaDb.freePort();
        // as arguments: they come before application-mysql.properties, where default properties would not
        application = new SpringApplicationBuilder(ReviewCycleApplication.class).profiles("mysql").run(
                "--spring.datasource.url=" + mariadb.url(DATABASE), "--spring.datasource.username=root",
                "--spring.datasource.password=", "--server.port=" + port, "--reviewcycle.demo.enabled=false");
        url = "http://127.0.0.1:" + port;
        jdbc = mariadb.jdbc(DATABASE);
        var trust = new GeneratedTrust(jdbc.getDataSource(), "db");
        var today = LocalDate.now();
        school = trust.addSchool(1, STAFF, new GeneratedTrust.Milestones(today.minusDays(30), today.plusDays(60),
                today.plusDays(120), today.plusDays(150)));
        admin = school.revieweesByLeader().get(school.leaders().get(0)).get(0);
        trust.makeAdministrator(admin);
        // written behind the application's back: deployed as at start-up
        application.getBean(SchoolDeployments.class).deploy(application.getBean(SchoolService.class)
                .findSchool(school.id()).orElseThrow());
        var launch = WebSession.basic(url, admin, GeneratedTrust.PASSWORD)
                .postJson("/api/cycles/" + school.cycleId() + "/launch", "");
        assertThat(launch.statusCode()).as(launch.body()).isEqualTo(200);
    }

    @AfterAll
    void stop() {
        if (application != null) {
            application.close();
        }
        if (mariadb != null) {
            mariadb.close();
        }
    }

    @Test
    void aDatabaseRestartInTheMiddleOfUseGivesTryAgainAndLeavesEveryStepWholeOrUnwritten() throws Exception {
        var reviews = reviews();
        assertThat(reviews).hasSize(school.revieweesByLeader().values().stream().mapToInt(List::size).sum());
        var browser = WebSession.loggedIn(url, admin, GeneratedTrust.PASSWORD).openTasklist();
        var loggingIn = WebSession.anonymous(url);
        String loginPage = loggingIn.get("/login").body();

        ExecutorService people = Executors.newFixedThreadPool(WORKERS);
        long started = System.nanoTime();
        for (int worker = 0; worker < WORKERS; worker++) {
            List<Review> mine = new ArrayList<>();
            for (int i = worker; i < reviews.size(); i += WORKERS) {
                mine.add(reviews.get(i));
            }
            people.submit(() -> work(mine, started));
        }

        await(() -> stepsDone.get() >= SUCCESSES_BEFORE_THE_KILL, Duration.ofSeconds(60), answers);
        mariadb.kill();
        phase = Phase.OUTAGE;
        long killedAt = System.nanoTime();
        int doneAtTheKill = stepsDone.get();

        // what a person sees meanwhile: the login form, one of our pages, Tasklist's API
        var login = loggingIn.submitLogin(school.head(), GeneratedTrust.PASSWORD, loginPage);
        answers.add(new Answer(phase, "login form", null, null, null, login.statusCode(), login.body(), 0));
        assertTryAgainPage(login);
        var page = browser.get("/admin/schools/" + school.id());
        answers.add(new Answer(phase, "admin page", null, null, null, page.statusCode(), page.body(), 0));
        assertTryAgainPage(page);
        var tasklist = browser.get(TASKLIST_API + "/task/count");
        answers.add(new Answer(phase, "Tasklist API", null, null, null, tasklist.statusCode(), tasklist.body(), 0));
        assertThat(tasklist.statusCode()).as(tasklist.body()).isEqualTo(503);
        assertThat(JSON.readTree(tasklist.body()).get("type").asText()).isEqualTo("DatabaseUnreachable");

        sleepUntil(killedAt + OUTAGE.toNanos());
        mariadb.start();
        phase = Phase.AFTER;
        long restartedAt = System.nanoTime();

        people.shutdown();
        assertThat(people.awaitTermination(DEADLINE.toSeconds(), TimeUnit.SECONDS)).as("all steps done in time").isTrue();

        report(doneAtTheKill, restartedAt);
        assertEveryAnswerWasASuccessOrTryAgain();
        assertTheRecordIsExact(reviews);
        // and the application is whole again for people too
        assertThat(WebSession.loggedIn(url, school.head(), GeneratedTrust.PASSWORD).get("/admin/schools/" + school.id())
                .statusCode()).isIn(200, 403);
    }

    /** One person's round of their reviews, each step tried again (a fresh look at the task first) until done. */
    void work(List<Review> mine, long started) {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = started + DEADLINE.toNanos();
        try {
            workUntil(http, mine, deadline);
        } catch (RuntimeException | AssertionError e) {
            // kept as an answer that no assertion accepts
            answers.add(new Answer(phase, "worker failed", null, null, null, -2, e.toString(), 0));
        }
    }

    void workUntil(HttpClient http, List<Review> mine, long deadline) {
        while (mine.stream().anyMatch(review -> review.step != null) && System.nanoTime() < deadline) {
            for (Review review : mine) {
                if (review.step != null) {
                    tryStep(http, review);
                }
            }
        }
    }

    void tryStep(HttpClient http, Review review) {
        String step = review.step;
        String person = SELF_REFLECTION.equals(step) ? review.reviewee : review.leader;
        var found = call(http, person, "GET", REST + "/task?processInstanceBusinessKey=" + review.id
                + "&taskDefinitionKey=" + step + "&firstResult=0&maxResults=10", null, "find task", review, step, null);
        if (found == null || found.statusCode() != 200) {
            return;
        }
        JsonNode tasks = read(found.body());
        if (tasks.isEmpty()) {
            // done by an earlier try whose answer was lost with the connection
            review.step = next(step);
            return;
        }
        String taskId = tasks.get(0).get("id").asText();
        var submission = SELF_REFLECTION.equals(step) ? new Submission().text("strengths", "Clear routines")
                : new Submission().json("objectives", List.of(objective("Raise attainment in writing", "W1",
                        "Most pupils meet their writing targets")));
        var submitted = call(http, person, "POST", REST + "/task/" + taskId + "/submit-form",
                submission.toJson(), "submit", review, step, taskId);
        if (submitted != null && submitted.statusCode() == 204) {
            review.step = next(step);
            stepsDone.incrementAndGet();
        }
    }

    HttpResponse<String> call(HttpClient http, String person, String method, String path, String json, String what,
            Review review, String step, String taskId) {
        var request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json").header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((person + ":" + GeneratedTrust.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        request = json == null ? request.GET()
                : request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        Phase asked = phase;
        long start = System.nanoTime();
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            answers.add(new Answer(asked, what, review.id, step, taskId, response.statusCode(), response.body(),
                    (System.nanoTime() - start) / 1_000_000));
            return response;
        } catch (IOException e) {
            answers.add(new Answer(asked, what, review.id, step, taskId, -1, e.toString(), 0));
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    void assertEveryAnswerWasASuccessOrTryAgain() {
        for (Answer answer : answers) {
            assertThat(answer.status()).as("%s", answer).isIn(200, 204, 503);
            if (!answer.ok()) {
                assertThat(answer.body()).as("%s", answer).contains("ReviewCycle cannot reach its database just now")
                        .doesNotContainPattern(JAVA_TEXT);
            }
        }
        assertThat(answers).as("503s while the database was down")
                .anyMatch(answer -> answer.phase() == Phase.OUTAGE && answer.status() == 503);
        assertThat(answers).as("steps done after the restart, with nothing but waiting")
                .anyMatch(answer -> answer.phase() == Phase.AFTER && answer.status() == 204);
    }

    /**
     * Every review: its self-reflection and planning meeting each done once, in our record (one
     * self-reflection, one objective) and in Camunda's (one completed task of each, in history),
     * and now at the head's approval, its one open task. Every task whose submission was answered
     * 204 is a completed task in history; a task whose submission failed and was tried again
     * was not written by the failed try (the second try was a 204 on the same task).
     */
    void assertTheRecordIsExact(List<Review> reviews) {
        for (Review review : reviews) {
            assertThat(review.step).as("review %s still to do", review.id).isNull();
            assertThat(count("select count(*) from self_reflection where review_id = ?", review.id))
                    .as("self-reflections of review %s", review.id).isEqualTo(1);
            assertThat(count("select count(*) from objective where review_id = ?", review.id))
                    .as("objectives of review %s", review.id).isEqualTo(1);
            for (String step : List.of(SELF_REFLECTION, PLANNING_MEETING)) {
                assertThat(count("select count(*) from ACT_HI_TASKINST where PROC_INST_ID_ = ? and TASK_DEF_KEY_ = ?",
                        review.processInstanceId, step)).as("%s tasks of review %s", step, review.id).isEqualTo(1);
                assertThat(count("select count(*) from ACT_HI_TASKINST where PROC_INST_ID_ = ? and TASK_DEF_KEY_ = ?"
                        + " and END_TIME_ is not null and DELETE_REASON_ = 'completed'", review.processInstanceId, step))
                        .as("completed %s tasks of review %s", step, review.id).isEqualTo(1);
            }
            assertThat(jdbc.queryForList("select TASK_DEF_KEY_ from ACT_RU_TASK where PROC_INST_ID_ = ?", String.class,
                    review.processInstanceId)).as("open tasks of review %s", review.id).containsExactly(APPROVE_OBJECTIVES);
        }
        for (Answer answer : answers) {
            if (answer.what().equals("submit") && answer.ok()) {
                assertThat(count("select count(*) from ACT_HI_TASKINST where ID_ = ? and END_TIME_ is not null",
                        answer.taskId())).as("task %s answered 204", answer.taskId()).isEqualTo(1);
            }
        }
    }

    void report(int doneAtTheKill, long restartedAt) {
        Map<Phase, Map<Integer, Long>> byPhase = answers.stream().collect(Collectors.groupingBy(Answer::phase,
                Collectors.groupingBy(Answer::status, Collectors.counting())));
        long outage503Longest = answers.stream().filter(a -> a.phase() == Phase.OUTAGE && a.status() == 503)
                .mapToLong(Answer::millis).max().orElse(0);
        var failedThenDone = answers.stream().filter(a -> a.what().equals("submit") && !a.ok()).map(Answer::taskId)
                .distinct().collect(Collectors.toList());
        long retriedOnTheSameTask = failedThenDone.stream().filter(task -> answers.stream()
                .anyMatch(a -> a.what().equals("submit") && a.ok() && task.equals(a.taskId()))).count();
        var firstSuccessAfter = answers.stream().filter(a -> a.phase() == Phase.AFTER && a.ok()).findFirst();
        System.out.printf("Database restart: %d steps done when mariadbd was killed, down for %d s; answers by phase"
                + " and status: %s; longest 503 while down: %d ms; submissions that failed: %d (tried again on the"
                + " same task and done: %d, found done by the failed try: %d); first success after the restart: %s%n",
                doneAtTheKill, OUTAGE.toSeconds(), byPhase, outage503Longest, failedThenDone.size(), retriedOnTheSameTask,
                failedThenDone.size() - retriedOnTheSameTask, firstSuccessAfter.map(Answer::what).orElse("none"));
    }

    void assertTryAgainPage(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.headers().map() + " " + response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(response.body()).contains("Try again in a minute", "Nothing you sent was saved partly")
                .doesNotContainPattern(JAVA_TEXT);
    }

    /** The reviews of the school's staff who have a team leader as reviewer (not the leaders'), each at its first step. */
    List<Review> reviews() {
        var leaderOf = new java.util.HashMap<String, String>();
        school.revieweesByLeader().forEach((leader, team) -> team.forEach(person -> leaderOf.put(person, leader)));
        return jdbc.query("select r.id, r.process_instance_id, s.username from review r join staff_member s on"
                + " s.id = r.staff_id where r.cycle_id = ? order by r.id", (row, n) -> new Review(
                        row.getString(1), row.getString(2), row.getString(3), leaderOf.get(row.getString(3))),
                school.cycleId()).stream().filter(review -> review.leader != null).toList();
    }

    static final class Review {
        final String id;
        final String processInstanceId;
        final String reviewee;
        final String leader;
        /** The step to do next; null when both are done. */
        volatile String step = SELF_REFLECTION;

        Review(String id, String processInstanceId, String reviewee, String leader) {
            this.id = id;
            this.processInstanceId = processInstanceId;
            this.reviewee = reviewee;
            this.leader = leader;
        }
    }

    static String next(String step) {
        return SELF_REFLECTION.equals(step) ? PLANNING_MEETING : null;
    }

    int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + body, e);
        }
    }

    static void await(java.util.function.BooleanSupplier condition, Duration atMost, Object meanwhile) {
        long until = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited %s; meanwhile: %s", atMost, meanwhile).isLessThan(until);
            PrivateMariaDb.sleep(50);
        }
    }

    static void sleepUntil(long nanoTime) {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            PrivateMariaDb.sleep(left / 1_000_000);
        }
    }
}

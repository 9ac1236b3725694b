package org.reviewcycle.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.reviewcycle.cluster.ClusterDatabase;
import org.reviewcycle.cluster.Node;
import org.reviewcycle.support.EngineRest;
import org.reviewcycle.support.GeneratedTrust;
import org.reviewcycle.support.LocalProcesses;
import org.reviewcycle.support.ReceivedMail;
import org.reviewcycle.support.WebSession;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The load test (README "Load and soak"): the built jar, started as docker/Dockerfile starts it, with a heap of
 * {@code load.heap} (512 MB unless told), on MariaDB, with a trust of {@code load.staff} staff launched and an
 * SMTP server (GreenMail) taking its mail; then {@link StaffDoTheirSteps} (Gatling) for {@code load.duration}
 * with {@code load.users} people at once. Afterwards, exact checks, count by count: every step whose form was
 * answered 204 is in the record once (the engine's history, our tables, its email to the next person), nothing
 * else was completed, and no request failed. The node's heap, threads and connections are read throughout
 * ({@link NodeGauges}) and drawn in {@code target/load/<name>-gauges.png}; Gatling's report is in
 * {@code target/load/gatling}. {@code ./mvnw verify} runs the short form (10 people, 1 minute, 300 staff).
 */
class LoadIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final int STAFF_PER_SCHOOL = 250;

    final LoadSettings settings = LoadSettings.fromSystemProperties();
    final ClusterDatabase database = ClusterDatabase.fromTestProperties();
    final JdbcTemplate jdbc = database.jdbc();
    final Path jar = Path.of(System.getProperty("reviewcycle.test.jar", "target/reviewcycle.jar"));

    @Test
    void staffDoTheirStepsAndEveryStepIsInTheRecordOnce() throws Exception {
        assertThat(jar).as("the built application (mvn package runs before the load test)").isRegularFile();
        Files.createDirectories(settings.directory());
        int smtpPort = LocalProcesses.freePort();
        var smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        var environment = Map.of("JAVA_TOOL_OPTIONS", "-Xmx" + settings.heap(),
                "SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE", Integer.toString(settings.pool()),
                "SPRING_MAIL_HOST", "127.0.0.1", "SPRING_MAIL_PORT", Integer.toString(smtpPort),
                "REVIEWCYCLE_MAIL_BATCH", "100", "REVIEWCYCLE_MAIL_SEND_EVERY", "2s");
        // a first start makes the tables on an empty database; the trust's schools, written straight into them,
        // get their cycle deployed when the node starts again (as every school does at start-up)
        try (Node first = Node.start("load-" + settings.name() + "-setup", LocalProcesses.freePort(), database, jar,
                settings.directory(), environment)) {
            first.url();
        }
        List<GeneratedTrust.School> schools = trust();
        // mail other tests left waiting in a shared database would go first and hold up the load's own
        jdbc.update("update mail_outbox set status = 'FAILED', last_error = 'Set aside by the load test'"
                + " where status in ('WAITING', 'SENDING')");
        try (Node node = Node.start("load-" + settings.name(), LocalProcesses.freePort(), database, jar,
                settings.directory(), environment)) {
            long launchStarted = System.nanoTime();
            int launched = 0;
            for (GeneratedTrust.School school : schools) {
                String admin = school.revieweesByLeader().get(school.leaders().get(0)).get(0);
                JsonNode report = EngineRest.ok(launch(node, admin, school));
                launched += report.get("started").asInt();
            }
            Duration launch = Duration.ofNanos(System.nanoTime() - launchStarted);
            System.out.printf("Launched %d reviews in %d schools in %.1f s%n", launched, schools.size(),
                    launch.toMillis() / 1000.0);
            List<String> reviewees = writeFeeders(schools);
            assertThat(launched).isEqualTo(reviewees.size() + schools.stream().mapToInt(s -> s.leaders().size()).sum());

            String dashboards = timeDashboards(node, schools);
            int status;
            try (var gauges = new NodeGauges(node.pid(), jdbc, database.user(), settings.duration().toMinutes() > 5 ? 10 : 5)) {
                status = runGatling(node);
                gauges.write(settings.directory().resolve(settings.name() + "-gauges.csv"),
                        settings.directory().resolve(settings.name() + "-gauges.png"),
                        "ReviewCycle under load: " + settings.users() + " people, " + settings.staff() + " staff, heap "
                                + settings.heap());
            }
            String summary = GatlingStats.latest(settings.directory().resolve("gatling")).inWords() + "; " + dashboards
                    + String.format("; launch of %d reviews %.1f s", launched, launch.toMillis() / 1000.0);
            System.out.println("Load run '" + settings.name() + "': " + summary);
            Files.writeString(settings.directory().resolve(settings.name() + "-summary.txt"), summary + "\n");
            assertThat(status).as("Gatling's run (not 0: a request failed, see its report)").isZero();

            everySubmittedStepIsInTheRecordOnce(schools, launched);
            everyEmailIsSent(schools, smtp);
        } finally {
            smtp.stop();
        }
    }

    /**
     * The launch of a school's cycle through the API, once the node has deployed the school's cycle (it does so
     * for every school as it starts, just after it begins to answer).
     */
    private static java.net.http.HttpResponse<String> launch(Node node, String admin, GeneratedTrust.School school) {
        long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            var response = WebSession.basic(node.url(), admin, GeneratedTrust.PASSWORD)
                    .postJson("/api/cycles/" + school.cycleId() + "/launch", "");
            if (response.statusCode() != 409 || !response.body().contains("no appraisal cycle deployed")
                    || System.nanoTime() > until) {
                return response;
            }
            LocalProcesses.sleep(500);
        }
    }

    /** Schools of up to 250 staff, as in a trust: the objectives are due in three weeks. */
    private List<GeneratedTrust.School> trust() {
        var trust = new GeneratedTrust(database.dataSource(), "ld" + UUID.randomUUID().toString().substring(0, 6));
        LocalDate today = LocalDate.now();
        var milestones = new GeneratedTrust.Milestones(today.plusDays(21), today.plusDays(60), today.plusDays(150),
                today.plusDays(180));
        var schools = new ArrayList<GeneratedTrust.School>();
        int left = settings.staff();
        for (int number = 1; left > 0; number++) {
            int staff = Math.min(STAFF_PER_SCHOOL, left);
            GeneratedTrust.School school = trust.addSchool(number, Math.max(staff, 12), milestones);
            trust.makeAdministrator(school.revieweesByLeader().get(school.leaders().get(0)).get(0));
            schools.add(school);
            left -= staff;
        }
        return schools;
    }

    /** The people the virtual users are, in a fixed shuffled order: staff who reflect, leaders who meet them. */
    private List<String> writeFeeders(List<GeneratedTrust.School> schools) throws IOException {
        List<String> reviewees = new ArrayList<>(schools.stream().flatMap(s -> s.revieweesByLeader().values().stream())
                .flatMap(List::stream).toList());
        List<String> leaders = new ArrayList<>(schools.stream().flatMap(s -> s.leaders().stream()).toList());
        Collections.shuffle(reviewees, new Random(15));
        Collections.shuffle(leaders, new Random(15));
        Files.writeString(settings.directory().resolve("reviewees.csv"), "username\n" + String.join("\n", reviewees) + "\n");
        Files.writeString(settings.directory().resolve("leaders.csv"), "username\n" + String.join("\n", leaders) + "\n");
        return reviewees;
    }

    /** The head's dashboard of the first school, as the head opens it (the second time: the first warms it). */
    private String timeDashboards(Node node, List<GeneratedTrust.School> schools) {
        var head = WebSession.loggedIn(node.url(), schools.get(0).head(), GeneratedTrust.PASSWORD);
        String page = "/schools/" + schools.get(0).id() + "/dashboard";
        head.get(page);
        long started = System.nanoTime();
        var school = head.get(page);
        long schoolMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(school.statusCode()).as("the head's dashboard").isEqualTo(200);
        assertThat(school.body()).contains("Steps overdue now");
        return "head's dashboard " + schoolMillis + " ms";
    }

    private int runGatling(Node node) {
        System.setProperty("load.baseUrl", node.url());
        System.setProperty("gatling.data.enableAnalytics", "false");
        System.setProperty("gatling.data.console.light", "true");
        StaffDoTheirSteps.SUBMITTED.clear();
        return io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {"-s", StaffDoTheirSteps.class.getName(),
                "-rf", settings.directory().resolve("gatling").toAbsolutePath().toString(), "-rd", settings.name()});
    }

    private void everySubmittedStepIsInTheRecordOnce(List<GeneratedTrust.School> schools, int launched) {
        String cycles = schools.stream().map(s -> Long.toString(s.cycleId())).collect(Collectors.joining(","));
        List<String> reflections = StaffDoTheirSteps.submitted("Task_SelfReflection");
        List<String> meetings = StaffDoTheirSteps.submitted("Task_PlanningMeeting");
        System.out.printf("Submitted: %d reflections, %d planning meetings%n", reflections.size(), meetings.size());
        assertThat(reflections).as("reflections submitted").isNotEmpty();
        assertThat(meetings).as("planning meetings submitted").isNotEmpty();

        assertThat(completed(cycles, "Task_SelfReflection")).as("reflections completed in the engine")
                .containsExactlyInAnyOrderElementsOf(reflections);
        assertThat(completed(cycles, "Task_PlanningMeeting")).as("planning meetings completed in the engine")
                .containsExactlyInAnyOrderElementsOf(meetings);
        assertThat(count("select count(*) from self_reflection x join review r on r.id = x.review_id where r.cycle_id in ("
                + cycles + ")")).as("reflections in the record").isEqualTo(reflections.size());
        assertThat(count("select count(distinct x.review_id) from self_reflection x join review r on r.id = x.review_id"
                + " where r.cycle_id in (" + cycles + ")")).as("reviews with a reflection").isEqualTo(reflections.size());
        assertThat(count("select count(*) from objective o join review r on r.id = o.review_id where r.cycle_id in ("
                + cycles + ")")).as("objectives in the record: two a meeting").isEqualTo(2 * meetings.size());
        assertThat(count("select count(distinct o.review_id) from objective o join review r on r.id = o.review_id"
                + " where r.cycle_id in (" + cycles + ")")).as("reviews with objectives").isEqualTo(meetings.size());
        // every step given to someone had its email: the launch's, the planning meetings, the heads' approvals
        assertThat(count("select count(*) from mail_outbox m join school s on s.id = m.school_id where m.kind = "
                + "'TASK_ASSIGNED' and s.id in (" + schools.stream().map(s -> Long.toString(s.id()))
                        .collect(Collectors.joining(",")) + ")"))
                .as("assignment emails").isEqualTo(launched + reflections.size() + meetings.size());
    }

    private List<String> completed(String cycles, String key) {
        return jdbc.queryForList("select t.ID_ from ACT_HI_TASKINST t join review r on r.process_instance_id = "
                + "t.PROC_INST_ID_ where r.cycle_id in (" + cycles + ") and t.TASK_DEF_KEY_ = ? and t.END_TIME_ is not null"
                + " and t.DELETE_REASON_ = 'completed'", String.class, key);
    }

    /** Every email of the load's schools goes to the SMTP server, each once, within five minutes. */
    private void everyEmailIsSent(List<GeneratedTrust.School> schools, GreenMail smtp) {
        String ids = schools.stream().map(s -> Long.toString(s.id())).collect(Collectors.joining(","));
        long started = System.nanoTime();
        long until = started + Duration.ofMinutes(5).toNanos();
        while (count("select count(*) from mail_outbox where status <> 'SENT' and school_id in (" + ids + ")") > 0
                && System.nanoTime() < until) {
            LocalProcesses.sleep(1000);
        }
        int written = count("select count(*) from mail_outbox where school_id in (" + ids + ")");
        assertThat(count("select count(*) from mail_outbox where status = 'SENT' and school_id in (" + ids + ")"))
                .as("emails sent of " + written).isEqualTo(written);
        // the SMTP server also gets what other tests left waiting in a shared database: only the load's people count
        List<String> codes = schools.stream().map(s -> s.code() + ".").toList();
        List<String> messageIds = Stream.of(smtp.getReceivedMessages())
                .filter(m -> codes.stream().anyMatch(ReceivedMail.to(m)::startsWith)).map(ReceivedMail::messageId)
                .toList();
        assertThat(messageIds).as("emails received").hasSize(written).doesNotHaveDuplicates();
        System.out.printf("Mail: %d emails sent, the last %.1f s after the run ended%n", written,
                (System.nanoTime() - started) / 1e9);
    }

    private int count(String sql, Object... arguments) {
        Integer count = jdbc.queryForObject(sql, Integer.class, arguments);
        return count == null ? 0 : count;
    }

}

package org.reviewcycle.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reviewcycle.process.AnnualReviewCycleProcess.Elements.ACKNOWLEDGE_OBJECTIVES;
import static org.reviewcycle.process.AnnualReviewCycleProcess.Elements.APPROVE_OBJECTIVES;
import static org.reviewcycle.process.AnnualReviewCycleProcess.Elements.MID_YEAR_CHECK;
import static org.reviewcycle.process.AnnualReviewCycleProcess.Elements.MID_YEAR_REACHED;
import static org.reviewcycle.process.AnnualReviewCycleProcess.Elements.PLANNING_MEETING;
import static org.reviewcycle.process.AnnualReviewCycleProcess.Elements.SELF_REFLECTION;
import static org.reviewcycle.support.EngineRest.REST;
import static org.reviewcycle.support.EngineRest.objective;
import static org.reviewcycle.support.EngineRest.ok;
import static org.reviewcycle.support.EngineRest.submit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;


import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.reviewcycle.support.EngineRest;
import org.reviewcycle.support.EngineRest.Submission;
import org.reviewcycle.support.GeneratedTrust;
import org.reviewcycle.support.ReceivedMail;
import org.reviewcycle.support.WebSession;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * Two ReviewCycle nodes on one MariaDB, Camunda's cluster model: each node runs a whole engine and
 * its job executor against the shared database, nothing else connects them, and nginx with
 * docker/nginx.conf is in front. The nodes are the built jar run as docker/Dockerfile runs it.
 * The steps build on each other, in order: logins stick to one node; node A dies in the middle of
 * a launch and node B finishes it without duplicates; node A comes back; tasks completed through
 * node B lead to timers that fire exactly once although both job executors run; both nodes send the outbox
 * through one SMTP server (GreenMail, in this test) and node A dies in the middle of it: every email arrives,
 * none twice but, at most, the one node A was handing over when it died.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    /** Enough reviews that the launch takes several batches of 50, so that it can be stopped halfway. */
    static final int STAFF = 1000;
    static final int PEOPLE_LOGGING_IN = 12;
    static final int REVIEWS_TO_MID_YEAR = 6;
    static final String TASKLIST_API = "/camunda/api/engine/engine/default";
    static final long TIMER_WAIT_MILLIS = 180_000;
    static final int EMAILS = 600;
    static final int SMTP_PORT = Node.freePort();
    /**
     * Both nodes send the outbox every second through the test's SMTP server, 50 at a time; a dead node's claim
     * lapses in 15 s. (The launch's assignment emails, about one per review, are sent first, oldest first.)
     */
    static final Map<String, String> MAIL = Map.of("SPRING_MAIL_HOST", "127.0.0.1",
            "SPRING_MAIL_PORT", String.valueOf(SMTP_PORT), "REVIEWCYCLE_MAIL_SEND_EVERY", "1s",
            "REVIEWCYCLE_MAIL_BATCH", "50", "REVIEWCYCLE_MAIL_CLAIM_LEASE", "15s");

    final ClusterDatabase database = ClusterDatabase.fromTestProperties();
    final JdbcTemplate jdbc = database.jdbc();
    final Path directory = Path.of(System.getProperty("reviewcycle.test.cluster.dir", "target/cluster"));
    final Path jar = Path.of(System.getProperty("reviewcycle.test.jar", "target/reviewcycle.jar"));

    final GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    Node nodeA;
    Node nodeB;
    LoadBalancer loadBalancer;
    GeneratedTrust.School school;
    String admin;
    int eligible;
    int launchedBeforeTheKill;
    final Map<String, WebSession> sessions = new HashMap<>();
    final Map<String, Node> nodeOfSession = new HashMap<>();

    @BeforeAll
    void startTheCluster() throws IOException {
        assertThat(jar).as("the built application (mvn package runs before the cluster test)").isRegularFile();
        Files.createDirectories(directory);
        smtp.start();
        // Node A first: on an empty database it creates Camunda's tables and ours, as in compose.yaml
        nodeA = Node.start("node-a", Node.freePort(), database, jar, directory, MAIL);
        var trust = new GeneratedTrust(database.dataSource(), "cl" + UUID.randomUUID().toString().substring(0, 6));
        var today = LocalDate.now();
        // the mid-year check is tomorrow: its timers wait until an admin starts them early
        school = trust.addSchool(1, STAFF, new GeneratedTrust.Milestones(today.minusDays(30), today.plusDays(1),
                today.plusDays(120), today.plusDays(150)));
        eligible = STAFF - 1; // everyone but the head has a reviewer
        admin = school.revieweesByLeader().get(school.leaders().get(0)).get(0);
        trust.makeAdministrator(admin);
        nodeB = Node.start("node-b", Node.freePort(), database, jar, directory, MAIL);
        loadBalancer = LoadBalancer.start(Node.freePort(), nodeA, nodeB, directory);
    }

    @AfterAll
    void stopTheCluster() {
        for (AutoCloseable part : new AutoCloseable[] {loadBalancer, nodeA, nodeB}) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                System.err.println("Could not stop " + part + ": " + e);
            }
        }
        smtp.stop();
    }

    @Test
    @Order(1)
    void eachLoginStaysOnOneNodeAndTheLoginsAreSpreadOverBoth() {
        for (String person : people()) {
            var session = WebSession.loggedIn(loadBalancer.url(), person, GeneratedTrust.PASSWORD).openTasklist();
            for (int request = 0; request < 5; request++) {
                assertThat(session.get(TASKLIST_API + "/task/count").statusCode()).as(person).isEqualTo(200);
            }
            sessions.put(person, session);
            nodeOfSession.put(person, nodeHolding(session));
        }
        System.out.println("Logins through nginx: " + nodeOfSession);
        assertThat(nodeOfSession.values()).as("the nodes that hold the logins").contains(nodeA, nodeB);
    }

    @Test
    @Order(2)
    void nodeADiesInTheMiddleOfALaunchAndLeavesEveryStartedReviewWhole() {
        var launching = CompletableFuture.supplyAsync(() -> WebSession.basic(nodeA.url(), admin, GeneratedTrust.PASSWORD)
                .postJson("/api/cycles/" + school.cycleId() + "/launch", ""));
        long until = System.currentTimeMillis() + 120_000;
        while (reviews() < 100 && System.currentTimeMillis() < until && !launching.isDone()) {
            Node.sleep(10);
        }
        nodeA.kill();
        launchedBeforeTheKill = reviews();
        String answer = launching.handle((response, failure) -> failure != null ? "cut off"
                : "answered " + response.statusCode() + " " + response.body()).join();
        assertThat(answer).as("the launch request to node A").isEqualTo("cut off");

        System.out.println("Node A killed with " + launchedBeforeTheKill + " of " + eligible + " reviews launched");
        assertThat(launchedBeforeTheKill).as("reviews launched when node A died").isBetween(1, eligible - 1);
        assertThat(launchedBeforeTheKill % 50).as("whole batches of 50, nothing of the batch in flight").isZero();
        assertEveryReviewHasItsProcessAndNoMore(launchedBeforeTheKill);
    }

    @Test
    @Order(3)
    void nodeBFinishesTheLaunchWithoutDuplicates() {
        var report = ok(WebSession.basic(nodeB.url(), admin, GeneratedTrust.PASSWORD)
                .postJson("/api/cycles/" + school.cycleId() + "/launch", ""));
        assertThat(report.get("started").asInt()).isEqualTo(eligible - launchedBeforeTheKill);
        assertThat(report.get("alreadyRunning").asInt()).isEqualTo(launchedBeforeTheKill);
        assertEveryReviewHasItsProcessAndNoMore(eligible);
        assertThat(count("select count(*) from ACT_RU_TASK t join review r on r.process_instance_id = t.PROC_INST_ID_"
                + " where r.cycle_id = ? and t.TASK_DEF_KEY_ = ?", school.cycleId(), SELF_REFLECTION))
                .as("first tasks").isEqualTo(eligible);

        // launching once more starts nothing
        var again = ok(WebSession.basic(nodeB.url(), admin, GeneratedTrust.PASSWORD)
                .postJson("/api/cycles/" + school.cycleId() + "/launch", ""));
        assertThat(again.get("started").asInt()).isZero();
        assertEveryReviewHasItsProcessAndNoMore(eligible);
    }

    @Test
    @Order(4)
    void whoWasOnNodeALogsInAgainAndCarriesOnOnNodeB() {
        for (var entry : sessions.entrySet()) {
            String person = entry.getKey();
            WebSession session = entry.getValue();
            if (nodeOfSession.get(person) == nodeB) {
                assertThat(session.get(TASKLIST_API + "/task/count").statusCode()).as(person + " on node B").isEqualTo(200);
                continue;
            }
            assertThat(session.get(TASKLIST_API + "/task/count").statusCode()).as(person + " after node A died")
                    .isNotEqualTo(200);
            var login = session.submitLogin(person, GeneratedTrust.PASSWORD);
            assertThat(login.statusCode()).isEqualTo(302);
            session.openTasklist();
            assertThat(session.get(TASKLIST_API + "/task/count").statusCode()).as(person + " logged in again")
                    .isEqualTo(200);
            assertThat(nodeHolding(session)).isSameAs(nodeB);
        }
    }

    @Test
    @Order(5)
    void timersFireExactlyOnceWithBothJobExecutorsRunning() {
        nodeA.start(database, jar); // back, with its job executor
        String leader = school.leaders().get(0);
        String head = school.head();
        var processes = new ArrayList<String>();
        for (String reviewee : school.revieweesByLeader().get(leader).subList(0, REVIEWS_TO_MID_YEAR)) {
            String reviewId = String.valueOf(jdbc.queryForObject("select r.id from review r join staff_member s"
                    + " on s.id = r.staff_id where s.username = ? and r.cycle_id = ?", Long.class, reviewee, school.cycleId()));
            var review = new EngineRest(reviewId);
            var asReviewee = WebSession.basic(nodeB.url(), reviewee, GeneratedTrust.PASSWORD);
            var asLeader = WebSession.basic(nodeB.url(), leader, GeneratedTrust.PASSWORD);
            var asHead = WebSession.basic(nodeB.url(), head, GeneratedTrust.PASSWORD);
            JsonNode task = review.assignedTask(asReviewee, reviewee, SELF_REFLECTION);
            processes.add(task.get("processInstanceId").asText());
            submit(asReviewee, task, new Submission().text("strengths", "Clear routines"));
            submit(asLeader, review.assignedTask(asLeader, leader, PLANNING_MEETING), new Submission().json("objectives",
                    List.of(objective("Raise attainment in writing", "W1", "Most pupils meet their writing targets"))));
            submit(asHead, review.assignedTask(asHead, head, APPROVE_OBJECTIVES),
                    new Submission().text("decision", "APPROVE"));
            submit(asReviewee, review.assignedTask(asReviewee, reviewee, ACKNOWLEDGE_OBJECTIVES),
                    new Submission().text("response", "ACKNOWLEDGE"));
        }

        // the admin starts the mid-year checks now ("Start it now"), through node B; the job
        // executors of both nodes then compete for the timers
        var asAdmin = WebSession.basic(nodeB.url(), admin, GeneratedTrust.PASSWORD);
        String now = OffsetDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"));
        for (String process : processes) {
            JsonNode timers = ok(asAdmin.get(REST + "/job?processInstanceId=" + process + "&timers=true&firstResult=0&maxResults=10"));
            assertThat(timers).as("the mid-year timer of " + process).hasSize(1);
            var moved = asAdmin.putJson(REST + "/job/" + timers.get(0).get("id").asText() + "/duedate",
                    "{\"duedate\":\"" + now + "\"}");
            assertThat(moved.statusCode()).as(moved.body()).isEqualTo(204);
        }

        long until = System.currentTimeMillis() + TIMER_WAIT_MILLIS;
        while (midYearChecks(processes) < REVIEWS_TO_MID_YEAR && System.currentTimeMillis() < until) {
            Node.sleep(500);
        }
        assertThat(midYearChecks(processes)).as("mid-year checks open").isEqualTo(REVIEWS_TO_MID_YEAR);
        Node.sleep(3000); // a second firing, if there were one, would have happened by now
        for (String process : processes) {
            assertThat(count("select count(*) from ACT_RU_TASK where PROC_INST_ID_ = ? and TASK_DEF_KEY_ = ?", process,
                    MID_YEAR_CHECK)).as("mid-year checks of " + process).isEqualTo(1);
            assertThat(count("select count(*) from ACT_HI_ACTINST where PROC_INST_ID_ = ? and ACT_ID_ = ?", process,
                    MID_YEAR_REACHED)).as("firings of the mid-year timer of " + process).isEqualTo(1);
            // the mid-year timer is gone; what is left are the reminder and overdue timers of the open check
            assertThat(count("select count(*) from ACT_RU_JOB j join ACT_RU_JOBDEF d on d.ID_ = j.JOB_DEF_ID_"
                    + " where j.PROCESS_INSTANCE_ID_ = ? and d.ACT_ID_ = ?", process, MID_YEAR_REACHED))
                    .as("mid-year timers left in " + process).isZero();
            assertThat(count("select count(*) from ACT_RU_JOB where PROCESS_INSTANCE_ID_ = ?", process))
                    .as("jobs left in " + process + ": the check's reminder and overdue timers").isEqualTo(2);
            assertThat(count("select count(*) from ACT_RU_INCIDENT where PROC_INST_ID_ = ?", process))
                    .as("incidents in " + process).isZero();
        }
    }

    @Test
    @Order(6)
    void bothNodesSendTheOutboxAndWhenNodeADiesNodeBSendsTheRestWithNothingLost() {
        for (int i = 1; i <= EMAILS; i++) {
            jdbc.update("insert into mail_outbox (school_id, to_address, kind, subject, text_body, html_body, status,"
                    + " attempts, next_attempt_at, created_at) values (?, ?, 'REMINDER', ?, 'Text', '<p>Text</p>',"
                    + " 'WAITING', 0, current_timestamp, current_timestamp)", school.id(), "person" + i + "@example.org",
                    "Cluster email " + i);
        }
        List<Long> ids = jdbc.queryForList("select id from mail_outbox where school_id = ? and subject like 'Cluster email %'"
                + " order by id", Long.class, school.id());
        assertThat(ids).hasSize(EMAILS);
        String first = String.valueOf(ids.get(0));
        String last = String.valueOf(ids.get(ids.size() - 1));
        // the launch's emails (one for each review's first step) are older and go first
        long until = System.currentTimeMillis() + 300_000;
        while (sent(first, last) < 100 && System.currentTimeMillis() < until) {
            Node.sleep(5);
        }
        nodeA.kill();
        int sentBeforeTheKill = sent(first, last);
        System.out.println("Node A killed with " + sentBeforeTheKill + " of " + EMAILS + " emails sent");
        assertThat(sentBeforeTheKill).as("emails sent when node A died").isBetween(1, EMAILS - 1);

        until = System.currentTimeMillis() + 300_000;
        while (sent(first, last) < EMAILS && System.currentTimeMillis() < until) {
            Node.sleep(500);
        }
        assertThat(sent(first, last)).as("emails marked sent").isEqualTo(EMAILS);

        var expected = ids.stream().map(id -> "<reviewcycle-mail-" + id + "@localhost>").collect(Collectors.toSet());
        Map<String, Long> received = Arrays.stream(smtp.getReceivedMessages()).map(ReceivedMail::messageId)
                .filter(expected::contains).collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        long twice = received.values().stream().filter(n -> n > 1).count();
        System.out.println("Emails received: " + received.size() + " of " + EMAILS + ", " + twice + " twice");
        assertThat(received.keySet()).as("every email arrived").isEqualTo(expected);
        assertThat(received.values()).as("how often each arrived").allSatisfy(n -> assertThat(n).isBetween(1L, 2L));
        assertThat(twice).as("emails that arrived twice: at most the one node A was handing over when it died")
                .isLessThanOrEqualTo(1);
    }

    private int sent(String firstId, String lastId) {
        return count("select count(*) from mail_outbox where id between ? and ? and status = 'SENT'", firstId, lastId);
    }

    private List<String> people() {
        var people = new ArrayList<String>();
        for (List<String> team : school.revieweesByLeader().values()) {
            for (String person : team) {
                if (people.size() < PEOPLE_LOGGING_IN) {
                    people.add(person);
                }
            }
        }
        return people;
    }

    /** The node that knows this login: its session cookie is accepted by that node and refused by the other. */
    private Node nodeHolding(WebSession session) {
        String id = session.cookie("JSESSIONID").orElseThrow(() -> new AssertionError("no session cookie"));
        var holders = new ArrayList<Node>();
        for (Node node : new Node[] {nodeA, nodeB}) {
            if (node.accepts("JSESSIONID", id, TASKLIST_API + "/task/count")) {
                holders.add(node);
            }
        }
        assertThat(holders).as("nodes that accept session " + id).hasSize(1);
        return holders.get(0);
    }

    private int reviews() {
        return count("select count(*) from review where cycle_id = ?", school.cycleId());
    }

    private int midYearChecks(List<String> processes) {
        return processes.stream().mapToInt(p -> count("select count(*) from ACT_RU_TASK where PROC_INST_ID_ = ?"
                + " and TASK_DEF_KEY_ = ?", p, MID_YEAR_CHECK)).sum();
    }

    /** Every review of the cycle has its running process, with the review id as business key, and there are no others. */
    private void assertEveryReviewHasItsProcessAndNoMore(int expected) {
        long cycle = school.cycleId();
        assertThat(reviews()).as("reviews").isEqualTo(expected);
        assertThat(count("select count(*) from review where cycle_id = ? and process_instance_id is null", cycle))
                .as("reviews without a process").isZero();
        assertThat(count("select count(*) from review r join ACT_RU_EXECUTION e on e.ID_ = r.process_instance_id"
                + " and e.PARENT_ID_ is null and e.BUSINESS_KEY_ = cast(r.id as char) where r.cycle_id = ?", cycle))
                .as("reviews whose process runs with the review as business key").isEqualTo(expected);
        assertThat(count("select count(*) from ACT_RU_EXECUTION e where e.PARENT_ID_ is null and e.BUSINESS_KEY_ in"
                + " (select cast(r.id as char) from review r where r.cycle_id = ?)", cycle))
                .as("processes for the cycle's reviews, duplicates included").isEqualTo(expected);
        assertThat(count("select count(*) from (select staff_id from review where cycle_id = ? group by staff_id"
                + " having count(*) > 1) d", cycle)).as("people with two reviews").isZero();
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }
}

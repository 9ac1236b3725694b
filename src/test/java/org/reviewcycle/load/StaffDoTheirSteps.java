package org.reviewcycle.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.CookieKey;
import static io.gatling.javaapi.http.HttpDsl.getCookieValue;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Staff doing their steps as they do in a browser: log in on the login form, open Tasklist, list their tasks
 * through Tasklist's own API, open the task's form and submit it (with the webapps' XSRF header), thinking
 * between clicks. Four in five virtual users are reviewees reflecting before their planning meeting; one in
 * five are team leaders holding a planning meeting with two objectives. Each logs out at the end, as Tasklist's
 * "Log out" does. Each virtual user is one person from
 * the run's files (reviewees.csv, leaders.csv), taken in turn and round again: someone with nothing left to do
 * logs in and finds their list empty. Run by {@link LoadIT} in its own JVM with the settings of
 * {@link LoadSettings}; what was submitted is kept in {@link #SUBMITTED} for the exact check afterwards. The run
 * fails if any request fails.
 */
public class StaffDoTheirSteps extends Simulation {

    static final String TASKLIST_API = "/camunda/api/engine/engine/default";
    /** The task ids whose form was submitted and answered 204, by task definition key. */
    static final Set<String> SUBMITTED = ConcurrentHashMap.newKeySet();

    static final String REFLECTION = "{\"variables\":{"
            + "\"strengths\":{\"value\":\"Building relationships with pupils\",\"type\":\"String\"},"
            + "\"developmentWishes\":{\"value\":\"Teaching extended writing\",\"type\":\"String\"},"
            + "\"objectiveIdeas\":{\"value\":\"Something on writing across the curriculum\",\"type\":\"String\"}}}";
    static final String OBJECTIVES = "{\"variables\":{\"objectives\":{\"type\":\"Json\",\"value\":"
            + "\"[{\\\"title\\\":\\\"Use the school writing process across the curriculum\\\",\\\"priorityCode\\\":\\\"W1\\\","
            + "\\\"successCriteria\\\":\\\"Most pupils reach their writing targets\\\",\\\"evidence\\\":\\\"Pupils' books\\\","
            + "\\\"cpdSupport\\\":\\\"Coaching from the literacy lead\\\",\\\"joint\\\":false},"
            + "{\\\"title\\\":\\\"Develop pupils' reasoning in mathematics\\\",\\\"priorityCode\\\":\\\"M1\\\","
            + "\\\"successCriteria\\\":\\\"Pupils explain their reasoning in every lesson\\\",\\\"evidence\\\":\\\"Lesson visits\\\","
            + "\\\"cpdSupport\\\":\\\"Maths hub training\\\",\\\"joint\\\":false}]\"}}}";

    {
        LoadSettings settings = LoadSettings.fromSystemProperties();
        HttpProtocolBuilder protocol = http.baseUrl(settings.baseUrl())
                .acceptHeader("application/json, text/plain, */*")
                .acceptEncodingHeader("gzip, deflate")
                .userAgentHeader("ReviewCycle load test (Gatling)");

        ScenarioBuilder reviewees = scenario("A member of staff reflects before the planning meeting")
                .feed(csv(settings.directory().resolve("reviewees.csv").toString()).circular())
                .exec(logIn())
                .repeat(settings.rounds()).on(comeBack(settings,
                        step("Task_SelfReflection", REFLECTION, Duration.ofSeconds(2), Duration.ofSeconds(4))))
                .exec(logOut());
        ScenarioBuilder leaders = scenario("A team leader holds a planning meeting")
                .feed(csv(settings.directory().resolve("leaders.csv").toString()).circular())
                .exec(logIn())
                .repeat(settings.rounds()).on(comeBack(settings,
                        step("Task_PlanningMeeting", OBJECTIVES, Duration.ofSeconds(4), Duration.ofSeconds(8))))
                .exec(logOut());

        int leaderUsers = Math.max(1, settings.users() / 5);
        setUp(reviewees.injectClosed(constantConcurrentUsers(settings.users() - leaderUsers).during(settings.duration())),
                leaders.injectClosed(constantConcurrentUsers(leaderUsers).during(settings.duration())))
                .protocols(protocol)
                .assertions(global().failedRequests().count().is(0L));
    }

    /** The login form (with its CSRF field), then Tasklist, which sets the webapps' XSRF cookie. */
    private static ChainBuilder logIn() {
        return io.gatling.javaapi.core.CoreDsl.exec(
                http("Login page").get("/login").check(css("input[name='_csrf']", "value").saveAs("csrf")),
                http("Log in").post("/login").formParam("username", "#{username}").formParam("password", "demo")
                        .formParam("_csrf", "#{csrf}").check(status().is(200)),
                getCookieValue(CookieKey("XSRF-TOKEN").withPath("/camunda").saveAs("xsrf")))
                .exitHereIfFailed()
                .pause(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    /**
     * One visit to the task list; with several rounds ({@code load.rounds}), the person stays logged in and comes
     * back to their list after 10 to 20 seconds, as people keep Tasklist open.
     */
    private static ChainBuilder comeBack(LoadSettings settings, ChainBuilder visit) {
        return settings.rounds() == 1 ? visit
                : visit.pause(Duration.ofSeconds(10), Duration.ofSeconds(20));
    }

    /** Tasklist's "Log out", which ends the login everywhere. */
    private static ChainBuilder logOut() {
        return io.gatling.javaapi.core.CoreDsl.exec(http("Log out").post("/camunda/api/admin/auth/user/default/logout")
                .header("X-XSRF-TOKEN", "#{xsrf}").check(status().in(200, 204)));
    }

    /** Lists the person's tasks of {@code key}; if there is one, opens its form, thinks, and submits it. */
    private static ChainBuilder step(String key, String submission, Duration thinkFrom, Duration thinkTo) {
        return io.gatling.javaapi.core.CoreDsl.exec(session -> session.remove("taskId")).exec(
                http("My tasks").get(TASKLIST_API + "/task").queryParam("assignee", "#{username}")
                        .queryParam("sortBy", "dueDate").queryParam("sortOrder", "asc").queryParam("maxResults", "15")
                        .check(status().is(200), jsonPath("$[?(@.taskDefinitionKey=='" + key + "')].id").optional()
                                .saveAs("taskId")))
                .doIf(session -> session.contains("taskId")).then(io.gatling.javaapi.core.CoreDsl.exec(
                        http("Open the form").get(TASKLIST_API + "/task/#{taskId}/form-variables").check(status().is(200)))
                        .pause(thinkFrom, thinkTo)
                        .exec(http("Submit the form").post(TASKLIST_API + "/task/#{taskId}/submit-form")
                                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", "#{xsrf}")
                                .body(StringBody(submission)).check(status().is(204)))
                        .exitHereIfFailed()
                        .exec(session -> {
                            SUBMITTED.add(key + ":" + session.getString("taskId"));
                            return session;
                        }));
    }

    static List<String> submitted(String key) {
        return SUBMITTED.stream().filter(s -> s.startsWith(key + ":")).map(s -> s.substring(key.length() + 1)).toList();
    }
}

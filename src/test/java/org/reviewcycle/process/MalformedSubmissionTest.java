package org.reviewcycle.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reviewcycle.support.ReviewDriver.values;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.ReviewDriver;
import org.reviewcycle.support.TestSchool;
import org.reviewcycle.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The malformed requests an attack review sent to a task's form, each answered with a 500 and a
 * Java exception before: null, deeply nested and non-JSON values for the planning meeting's list
 * of objectives, values of the wrong type, missing fields, unknown task ids, bodies that are not
 * JSON. Sent by the team leader whose task it is, through /engine-rest and through the path
 * Tasklist itself calls (/camunda/api/engine, with the webapps' XSRF token). Each is a 4xx whose
 * message is one plain sentence naming what is wrong; the task stays open and nothing is written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedSubmissionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired ReviewService reviews;
    @Autowired CycleLauncher launcher;
    @Autowired TaskService tasks;
    @Autowired FormService forms;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired JdbcTemplate jdbc;

    TestSchool school;
    long reviewId;
    Task planningMeeting;
    WebSession rest;
    WebSession tasklist;

    @BeforeAll
    void aPlanningMeetingOpenForTheTeamLeader() {
        school = TestSchool.create(schools, staff);
        launcher.launch(school.cycle().id());
        var review = reviews.reviewsIn(school.cycle().id()).stream()
                .filter(r -> r.staffId().equals(school.teacher().id())).findFirst().orElseThrow();
        reviewId = review.id();
        var driver = new ReviewDriver(tasks, forms, identity, management, runtime, staff, review.processInstanceId());
        driver.submit(school.teacher().username(), values("strengths", "Phonics"));
        planningMeeting = driver.openTask();
        assertThat(planningMeeting.getTaskDefinitionKey()).isEqualTo(AnnualReviewCycleProcess.Elements.PLANNING_MEETING);
        rest = WebSession.basic(port, school.leader().username(), "demo");
        tasklist = WebSession.loggedIn(port, school.leader().username(), "demo").openTasklist();
    }

    static Stream<Arguments> malformed() {
        String deepJson = "[".repeat(5000) + "]".repeat(5000);
        return Stream.of(
                // values for the list of objectives
                Arguments.of("objectives as Json null", submission("{\"objectives\": {\"value\": null, \"type\": \"Json\"}}"),
                        400, "Objectives: record at least one objective."),
                Arguments.of("objectives as null", submission("{\"objectives\": null}"),
                        400, "The field 'objectives' must be sent as {\"value\": ..., \"type\": ...}, not as null."),
                Arguments.of("objectives nested deep inside the Json", submission(variable("objectives", deepJson, "Json")),
                        400, "Objectives: the value is nested more than 16 levels deep, deeper than any form's list."),
                Arguments.of("objectives nested deep in the body", submission("{\"objectives\": {\"value\": " + deepJson
                        + ", \"type\": \"Json\"}}"), 400, "The request body is nested more than 8 levels deep"),
                Arguments.of("objectives not JSON", submission(variable("objectives", "not json", "Json")),
                        400, "Objectives: the value is not valid Json."),
                Arguments.of("objectives as a list, not a string", submission(
                        "{\"objectives\": {\"value\": [{\"title\": \"Writing\"}], \"type\": \"Json\"}}"),
                        400, "The field 'objectives' is sent as Json, so its value must be the JSON written as a string."),
                Arguments.of("objectives as an untyped list", submission("{\"objectives\": {\"value\": [1, 2]}}"),
                        400, "The field 'objectives' holds a list or an object: send it as Json, written as a string."),
                Arguments.of("objectives as a serialized Java object", submission("{\"objectives\": {\"value\": \"rO0ABXA=\","
                        + " \"type\": \"Object\", \"valueInfo\": {\"objectTypeName\": \"java.util.ArrayList\","
                        + " \"serializationDataFormat\": \"application/x-java-serialized-object\"}}}"),
                        400, "The field 'objectives' is sent as 'Object', which no form sends"),
                Arguments.of("objectives as a file", submission("{\"objectives\": {\"value\": \"aGVsbG8=\", \"type\": \"File\","
                        + " \"valueInfo\": {\"filename\": \"a.txt\"}}}"), 400, "is sent as 'File', which no form sends"),
                Arguments.of("objectives as an Integer", submission(variable("objectives", "abc", "Integer")),
                        400, "The field 'objectives' is sent as Integer, but its value 'abc' is not of that type."),
                Arguments.of("objectives of an unknown type", submission(variable("objectives", "[]", "Spreadsheet")),
                        400, "The field 'objectives' is sent as 'Spreadsheet', which no form sends"),
                Arguments.of("a type that is a number", submission("{\"objectives\": {\"value\": \"[]\", \"type\": 5}}"),
                        400, "The field 'objectives' has a type that is not a name"),
                Arguments.of("valueInfo that is text", submission("{\"objectives\": {\"value\": \"[]\", \"type\": \"Json\","
                        + " \"valueInfo\": \"x\"}}"), 400, "has a valueInfo that is not a JSON object"),
                Arguments.of("an objective that is text", submission(variable("objectives", "[\"hello\"]", "Json")),
                        400, "Objectives: entry 1 must be a set of fields, not 'hello'."),
                Arguments.of("a title that is a number", submission(variable("objectives",
                        "[{\"title\": 42, \"priorityCode\": \"W1\"}]", "Json")),
                        400, "Objective 1: the objective must be text, not the number 42."),
                Arguments.of("joint as a number beyond a double", submission(variable("objectives",
                        "[{\"title\": \"Writing\", \"priorityCode\": \"W1\", \"joint\": 1e400}]", "Json")),
                        400, "Objective 1: joint objective must be yes or no"),
                Arguments.of("markup in a priority", submission(variable("objectives",
                        "[{\"title\": \"Writing\", \"priorityCode\": \"<img src=x onerror=alert(1)>\", \"successCriteria\": \"a\","
                        + " \"evidence\": \"b\"}]", "Json")), 400, "'&lt;img src=x onerror=alert(1)&gt;'"),
                // missing and unknown fields
                // (the form's prefilled, empty first objective is what stays)
                Arguments.of("no variables", submission("{}"), 400, "Objective 1: choose the school improvement priority it serves."),
                Arguments.of("an empty object", "{}", 400, "Objective 1: choose the school improvement priority it serves."),
                Arguments.of("a process variable", submission("{\"reviewId\": {\"value\": 1, \"type\": \"Long\"}}"),
                        400, "This form has no field reviewId: only the form's own fields can be submitted."),
                // bodies that are not a submission
                Arguments.of("text that is not JSON", "objectives=none", 400, "The request body is not valid JSON (line 1, column"),
                Arguments.of("no body", "", 400, "The request has no body"),
                Arguments.of("a list for a body", "[]", 400, "The request body must be a JSON object"),
                Arguments.of("variables as text", "{\"variables\": \"objectives\"}", 400,
                        "\"variables\" must be a JSON object that holds each field's value."),
                Arguments.of("withVariablesInReturn as text", "{\"variables\": {}, \"withVariablesInReturn\": \"yes\"}", 400,
                        "\"withVariablesInReturn\" must be true or false."));
    }

    @ParameterizedTest(name = "{0}, through /engine-rest")
    @MethodSource("malformed")
    void aMalformedSubmissionThroughTheRestApiIsRefusedInASentence(String what, String body, int status, String message) {
        refused(rest.postJson("/engine-rest/task/" + planningMeeting.getId() + "/submit-form", body), status, message);
    }

    @ParameterizedTest(name = "{0}, through Tasklist's path")
    @MethodSource("malformed")
    void aMalformedSubmissionThroughTasklistsPathIsRefusedInASentence(String what, String body, int status, String message) {
        refused(tasklist.postJson(tasklistPath(planningMeeting.getId(), "submit-form"), body), status, message);
    }

    static Stream<Arguments> otherRequests() {
        return Stream.of(
                Arguments.of("submit-form to a task that does not exist", "no-such-task", "submit-form",
                        submission(variable("objectives", "[]", "Json")), 404, "No matching task"),
                Arguments.of("complete a task that does not exist", "no-such-task", "complete", "{}", 404, "No matching task"),
                Arguments.of("complete with values", null, "complete", submission(variable("objectives", "[]", "Json")),
                        400, "Submit the values of this task with its form (submit-form), not with the completion."),
                Arguments.of("complete with a null field", null, "complete", submission("{\"objectives\": null}"),
                        400, "The field 'objectives' must be sent as"),
                Arguments.of("complete without values", null, "complete", "{}", 400,
                        "Objective 1: choose the school improvement priority it serves."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherRequests")
    void unknownTasksAndCompletionsAreRefusedInASentenceOnBothPaths(String what, String taskId, String action, String body,
            int status, String message) {
        String id = taskId == null ? planningMeeting.getId() : taskId;
        refused(rest.postJson("/engine-rest/task/" + id + "/" + action, body), status, message);
        refused(tasklist.postJson(tasklistPath(id, action), body), status, message);
    }

    @org.junit.jupiter.api.Test
    void someoneElsesTaskIsRefusedInASentenceOnBothPaths() {
        String body = submission(variable("objectives", "[{\"title\": \"Mine now\", \"priorityCode\": \"W1\","
                + " \"successCriteria\": \"a\", \"evidence\": \"b\"}]", "Json"));
        var teacher = WebSession.basic(port, school.teacher().username(), "demo");
        var teacherInTasklist = WebSession.loggedIn(port, school.teacher().username(), "demo").openTasklist();
        for (var response : java.util.List.of(
                teacher.postJson("/engine-rest/task/" + planningMeeting.getId() + "/submit-form", body),
                teacherInTasklist.postJson(tasklistPath(planningMeeting.getId(), "submit-form"), body))) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
            assertPlainSentence(message(response.body()));
            assertThat(message(response.body())).doesNotContain(school.teacher().username());
            assertNothingChanged();
        }
    }

    @org.junit.jupiter.api.Test
    void aBodyThatIsNotJsonByItsContentTypeIsRefusedInASentence() {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/task/"
                + planningMeeting.getId() + "/submit-form")).header("Content-Type", "text/plain")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (school.leader().username() + ":demo").getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("objectives")).build();
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(request,
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(415);
            assertThat(message(response.body())).isEqualTo("Send the form's values as JSON (Content-Type: application/json).");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertNothingChanged();
    }

    private void refused(java.net.http.HttpResponse<String> response, int status, String expected) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        String message = message(response.body());
        assertThat(message).contains(expected);
        assertPlainSentence(message);
        assertNothingChanged();
    }

    /** One sentence for a person: no engine code, no Camunda wording, no Java names, no markup. */
    static void assertPlainSentence(String message) {
        assertThat(message).doesNotContain("ENGINE-", "Cannot submit task form", "Cannot complete task", "Exception",
                "java.", "org.camunda", "<", ">", "\n").matches("^[A-Z\"'].*[.]$");
    }

    private void assertNothingChanged() {
        assertThat(tasks.createTaskQuery().taskId(planningMeeting.getId()).count()).as("the task is still open").isOne();
        assertThat(ReviewRows.of(jdbc, reviewId)).as("rows of the review")
                .containsEntry("objective", 0L).containsEntry("self_reflection", 1L);
        Set<String> variables = new TreeSet<>(runtime.getVariables(planningMeeting.getProcessInstanceId()).keySet());
        assertThat(variables).doesNotContain("objectives");
    }

    private static String tasklistPath(String taskId, String action) {
        return "/camunda/api/engine/engine/default/task/" + taskId + "/" + action;
    }

    private static String message(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            assertThat(json.isObject()).as(body).isTrue();
            return json.path("message").asText();
        } catch (java.io.IOException e) {
            throw new AssertionError("Not JSON: " + body, e);
        }
    }

    private static String submission(String variables) {
        return "{\"variables\": " + variables + "}";
    }

    private static String variable(String name, String value, String type) {
        try {
            return "{" + JSON.writeValueAsString(name) + ": {\"value\": " + JSON.writeValueAsString(value)
                    + ", \"type\": \"" + type + "\"}}";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.reviewcycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.reviewcycle.demo.DemoSchool;
import org.reviewcycle.process.AnnualReviewCycleProcess;
import org.reviewcycle.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Each school is a tenant, and the engine keeps them apart: Littletown's reviews tried through every
 * path (the REST API, Cockpit's own API, the engine API Cockpit and Tasklist call) as Hillcrest's
 * school admin ({@code hc.admin}) and as Hillcrest's staff ({@code hc.teacher}), each refused or
 * shown nothing; and the other side, that Hillcrest's admin sees Hillcrest's reviews and the
 * trust's admin both schools'.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TenantSeparationTest {

    static final String LITTLETOWN = DemoSchool.CODE;
    static final String HILLCREST = DemoSchool.SECOND_CODE;
    static final String COCKPIT = "/camunda/api/cockpit/plugin/base/default";
    static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";

    @LocalServerPort int port;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;
    @Autowired RepositoryService repository;

    ProcessInstance littletownReview;
    Task littletownTask;
    ProcessDefinition littletownCycle;
    String littletownDeployment;
    String littletownDecision;

    @BeforeEach
    void littletownsData() {
        littletownReview = runtime.createProcessInstanceQuery().tenantIdIn(LITTLETOWN).listPage(0, 1).get(0);
        littletownTask = tasks.createTaskQuery().tenantIdIn(LITTLETOWN).listPage(0, 1).get(0);
        littletownCycle = repository.createProcessDefinitionQuery().processDefinitionKey(AnnualReviewCycleProcess.KEY)
                .tenantIdIn(LITTLETOWN).latestVersion().singleResult();
        littletownDeployment = littletownCycle.getDeploymentId();
        littletownDecision = repository.createDecisionDefinitionQuery().tenantIdIn(LITTLETOWN).list().get(0).getId();
    }

    /** Every id of Littletown's this test looks for: none may appear in an answer to Hillcrest's people. */
    List<String> littletownIds() {
        return List.of(littletownReview.getId(), littletownTask.getId(), littletownCycle.getId(), littletownDeployment,
                littletownDecision, "\"tenantId\":\"" + LITTLETOWN + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hc.admin", "hc.teacher"})
    void theRestApiShowsHillcrestsPeopleNothingOfLittletown(String hillcrestPerson) {
        var api = WebSession.basic(port, hillcrestPerson, "demo");
        String instance = littletownReview.getId();
        for (String list : List.of("/process-instance", "/task", "/history/process-instance", "/history/task",
                "/deployment", "/process-definition", "/decision-definition", "/history/activity-instance",
                "/variable-instance", "/job", "/incident")) {
            var answer = api.get("/engine-rest" + list + "?maxResults=500");
            assertThat(answer.statusCode()).as(list).isEqualTo(200);
            assertThat(answer.body()).as(list).doesNotContain(littletownIds());
        }
        for (String query : List.of("/process-instance?tenantIdIn=" + LITTLETOWN,
                "/task?processInstanceId=" + instance, "/history/process-instance?processInstanceId=" + instance,
                "/history/task?processInstanceId=" + instance, "/deployment?tenantIdIn=" + LITTLETOWN,
                "/process-definition?tenantIdIn=" + LITTLETOWN, "/decision-definition?tenantIdIn=" + LITTLETOWN)) {
            assertThat(api.get("/engine-rest" + query + "&maxResults=500").body()).as(query).isEqualTo("[]");
        }
        for (String one : List.of("/process-instance/" + instance, "/task/" + littletownTask.getId(),
                "/history/process-instance/" + instance, "/deployment/" + littletownDeployment,
                "/process-definition/" + littletownCycle.getId(), "/decision-definition/" + littletownDecision,
                "/process-instance/" + instance + "/variables", "/task/" + littletownTask.getId() + "/form-variables",
                "/process-definition/" + littletownCycle.getId() + "/xml")) {
            var answer = api.get("/engine-rest" + one);
            assertThat(answer.statusCode()).as(one).isIn(403, 404);
            assertThat(answer.body()).as(one).doesNotContain("\"id\":\"" + instance + "\"", "reviewId");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"hc.admin", "hc.teacher"})
    void hillcrestsPeopleFindTheirOwnSchoolOnlyAmongUsersGroupsAndTenants(String hillcrestPerson) {
        var api = WebSession.basic(port, hillcrestPerson, "demo");
        assertThat(api.get("/engine-rest/user?maxResults=500").body()).contains("hc.head").doesNotContain("teacher.mpg");
        assertThat(api.get("/engine-rest/group?maxResults=500").body()).contains("heads-" + HILLCREST)
                .doesNotContain("-" + LITTLETOWN);
        assertThat(api.get("/engine-rest/tenant?maxResults=500").body()).contains("Hillcrest Primary")
                .doesNotContain(LITTLETOWN);
        assertThat(api.get("/engine-rest/tenant/" + LITTLETOWN).statusCode()).isEqualTo(404);
        assertThat(api.postJson("/engine-rest/authorization/create", "{\"type\": 1, \"permissions\": [\"ALL\"], "
                + "\"userId\": \"" + hillcrestPerson + "\", \"resourceType\": 8, \"resourceId\": \"*\"}").statusCode())
                .isEqualTo(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hc.admin", "hc.teacher"})
    void hillcrestsPeopleCannotChangeLittletownsReviews(String hillcrestPerson) {
        var api = WebSession.basic(port, hillcrestPerson, "demo");
        String instance = littletownReview.getId();
        assertThat(api.putJson("/engine-rest/process-instance/" + instance + "/variables/reviewId",
                "{\"value\": 1, \"type\": \"Long\"}").statusCode()).isIn(403, 404);
        assertThat(api.postJson("/engine-rest/process-instance/" + instance + "/suspended", "{\"suspended\": true}")
                .statusCode()).isIn(403, 404, 405);
        assertThat(api.send("DELETE", "/engine-rest/process-instance/" + instance).statusCode()).isIn(403, 404);
        assertThat(api.postJson("/engine-rest/task/" + littletownTask.getId() + "/assignee",
                "{\"userId\": \"" + hillcrestPerson + "\"}").statusCode()).isIn(403, 404);
        assertThat(api.send("DELETE", "/engine-rest/deployment/" + littletownDeployment + "?cascade=true").statusCode())
                .isIn(403, 404);

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).active().count()).isOne();
        assertThat(tasks.createTaskQuery().taskId(littletownTask.getId()).singleResult().getAssignee())
                .isEqualTo(littletownTask.getAssignee());
        assertThat(repository.createDeploymentQuery().deploymentId(littletownDeployment).count()).isOne();
    }

    @ParameterizedTest
    @ValueSource(strings = {"hc.admin", "hc.teacher"})
    void aDeploymentForNoSchoolOrForAnotherIsRefused(String hillcrestPerson) {
        long before = repository.createDeploymentQuery().count();
        for (String tenant : new String[] {null, LITTLETOWN}) {
            var answer = deploy(hillcrestPerson, tenant);
            assertThat(answer.statusCode()).as("deployment for %s", tenant).isEqualTo(403);
            assertThat(answer.body()).contains(hillcrestPerson.equals("hc.admin")
                    ? "A deployment must be for your own school" : "anything else is for an administrator");
        }
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
    }

    @Test
    void aSchoolAdminDeploysForTheirOwnSchool() {
        var answer = deploy("hc.admin", HILLCREST);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("\"tenantId\":\"" + HILLCREST + "\"");
    }

    @Test
    void aSchoolAdminCreatesTasksForTheirOwnSchoolOnly() {
        var api = WebSession.basic(port, "hc.admin", "demo");
        for (String tenant : new String[] {null, LITTLETOWN}) {
            String id = "probe-" + UUID.randomUUID();
            var answer = api.postJson("/engine-rest/task/create", "{\"id\": \"" + id + "\", \"name\": \"Probe\""
                    + (tenant == null ? "" : ", \"tenantId\": \"" + tenant + "\"") + "}");
            assertThat(answer.statusCode()).as("task for %s", tenant).isEqualTo(403);
            assertThat(answer.body()).contains("A new task must be for your own school");
            assertThat(tasks.createTaskQuery().taskId(id).count()).isZero();
        }
        String own = "probe-" + UUID.randomUUID();
        assertThat(api.postJson("/engine-rest/task/create", "{\"id\": \"" + own + "\", \"name\": \"Probe\", "
                + "\"tenantId\": \"" + HILLCREST + "\"}").statusCode()).isEqualTo(204);
        tasks.deleteTask(own, true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hc.admin", "hc.teacher"})
    void theWebappsEngineApiShowsHillcrestsPeopleNothingOfLittletown(String hillcrestPerson) {
        var webapp = WebSession.loggedIn(port, hillcrestPerson, "demo").openTasklist();
        String instance = littletownReview.getId();
        for (String path : List.of("/task?", "/task?processInstanceId=" + instance + "&", "/process-instance?",
                "/history/process-instance?processInstanceId=" + instance + "&",
                "/history/task?processInstanceId=" + instance + "&", "/process-definition?", "/deployment?")) {
            var answer = webapp.get(WEBAPP_ENGINE + path + "maxResults=500");
            if (answer.statusCode() == 200) {
                assertThat(answer.body()).as(path).doesNotContain(littletownIds());
            } else {
                assertThat(answer.statusCode()).as(path).isEqualTo(403);
            }
        }
        assertThat(webapp.get(WEBAPP_ENGINE + "/task/" + littletownTask.getId()).statusCode()).isIn(403, 404);
        assertThat(webapp.get(WEBAPP_ENGINE + "/process-instance/" + instance).statusCode()).isIn(403, 404);
    }

    @Test
    void cockpitShowsHillcrestsAdminHillcrestsReviewsOnly() {
        var cockpit = WebSession.loggedIn(port, "hc.admin", "demo");
        assertThat(cockpit.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);

        var statistics = cockpit.get(COCKPIT + "/process-definition/statistics?firstResult=0&maxResults=500");
        assertThat(statistics.statusCode()).isEqualTo(200);
        assertThat(statistics.body()).contains("\"tenantId\":\"" + HILLCREST + "\"").doesNotContain(littletownIds());
        String hillcrestReview = runtime.createProcessInstanceQuery().tenantIdIn(HILLCREST).listPage(0, 1).get(0).getId();
        for (String definition : List.of(littletownCycle.getId(), hillcrestCycle().getId())) {
            var instances = cockpit.postJson(COCKPIT + "/process-instance?firstResult=0&maxResults=500",
                    "{\"processDefinitionId\": \"" + definition + "\"}");
            assertThat(instances.statusCode()).isEqualTo(200);
            if (definition.equals(littletownCycle.getId())) {
                assertThat(instances.body()).isEqualTo("[]");
            } else {
                assertThat(instances.body()).contains(hillcrestReview).doesNotContain(littletownIds());
            }
        }
        assertThat(cockpit.postJson(COCKPIT + "/process-instance/count",
                "{\"processDefinitionId\": \"" + littletownCycle.getId() + "\"}").body()).contains("\"count\":0");
        assertThat(cockpit.get(COCKPIT + "/process-definition/" + littletownCycle.getId() + "/called-process-definitions")
                .body()).doesNotContain(littletownIds());
        // Camunda Admin is the trust's
        assertThat(cockpit.get("/camunda/app/admin/default/").statusCode()).isEqualTo(403);
        assertThat(cockpit.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(200);
        assertThat(cockpit.get("/camunda/api/admin/plugin/adminPlugins/default/users").statusCode()).isEqualTo(403);
    }

    @Test
    void cockpitIsNotForHillcrestsStaff() {
        var teacher = WebSession.loggedIn(port, "hc.teacher", "demo");
        assertThat(teacher.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(403);
        assertThat(teacher.get(COCKPIT + "/process-definition/statistics?firstResult=0&maxResults=500").statusCode())
                .isEqualTo(403);
        assertThat(teacher.postJson(COCKPIT + "/process-instance?firstResult=0&maxResults=500",
                "{\"processDefinitionId\": \"" + littletownCycle.getId() + "\"}").statusCode()).isEqualTo(403);
    }

    @Test
    void theTrustsAdminSeesBothSchoolsInCockpit() {
        var cockpit = WebSession.loggedIn(port, "admin", "demo");
        var statistics = cockpit.get(COCKPIT + "/process-definition/statistics?firstResult=0&maxResults=500");
        assertThat(statistics.body()).contains("\"tenantId\":\"" + HILLCREST + "\"", "\"tenantId\":\"" + LITTLETOWN + "\"");
        assertThat(cockpit.postJson(COCKPIT + "/process-instance?firstResult=0&maxResults=500",
                "{\"processDefinitionId\": \"" + littletownCycle.getId() + "\"}").body())
                .contains(littletownReview.getId());
        assertThat(cockpit.get("/camunda/app/admin/default/").statusCode()).isEqualTo(200);
    }

    private ProcessDefinition hillcrestCycle() {
        return repository.createProcessDefinitionQuery().processDefinitionKey(AnnualReviewCycleProcess.KEY)
                .tenantIdIn(HILLCREST).latestVersion().singleResult();
    }

    /** A one-task model posted to /engine-rest/deployment/create as Camunda Modeler does, for {@code tenant} or none. */
    private HttpResponse<String> deploy(String username, String tenant) {
        String boundary = "----" + UUID.randomUUID();
        String process = "Probe" + UUID.randomUUID().toString().substring(0, 8);
        String bpmn = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
                + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"probe\"><process id=\""
                + process + "\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\"><startEvent id=\"s\"/></process></definitions>";
        var body = new StringBuilder();
        part(body, boundary, "deployment-name", null, "probe");
        if (tenant != null) {
            part(body, boundary, "tenant-id", null, tenant);
        }
        part(body, boundary, "data", process + ".bpmn", bpmn);
        body.append("--").append(boundary).append("--\r\n");
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((username + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void part(StringBuilder body, String boundary, String name, String filename, String content) {
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(name).append('"');
        if (filename != null) {
            body.append("; filename=\"").append(filename).append('"');
        }
        body.append("\r\n\r\n").append(content).append("\r\n");
    }
}

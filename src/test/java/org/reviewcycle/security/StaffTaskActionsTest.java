package org.reviewcycle.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.reviewcycle.process.AnnualReviewCycleProcess;
import org.reviewcycle.process.CycleLauncher;
import org.reviewcycle.review.Review;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.EngineGroups;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.EngineApi;
import org.reviewcycle.support.TestSchool;
import org.reviewcycle.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Staff may do four things to a task: read it, claim it for themselves, give it back, and submit
 * its form. Each other thing a teacher could ask of the engine about her own review task is tried
 * here, through {@code /engine-rest} and through the API Tasklist calls
 * ({@code /camunda/api/engine}, with its XSRF token): each is refused with a 403 and one plain
 * sentence, and the task, its review and its identity links are as they were.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public class StaffTaskActionsTest {

    static final String OFFERED_PROBE = "OfferedTaskProbe";
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired ReviewService reviews;
    @Autowired CycleLauncher launcher;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired RepositoryService repository;
    @Autowired IdentityService identity;

    TestSchool school;
    Review review;
    Task reflection;
    Snapshot before;

    @BeforeEach
    void aTeacherWithHerSelfReflectionOpen() {
        school = TestSchool.create(schools, staff);
        launcher.launch(school.cycle().id());
        review = reviews.reviewsIn(school.cycle().id()).stream()
                .filter(r -> r.staffId().equals(school.teacher().id())).findFirst().orElseThrow();
        reflection = tasks.createTaskQuery().processInstanceId(review.processInstanceId()).singleResult();
        assertThat(reflection.getTaskDefinitionKey()).isEqualTo(AnnualReviewCycleProcess.Elements.SELF_REFLECTION);
        assertThat(reflection.getAssignee()).isEqualTo(teacher());
        before = Snapshot.of(this, reflection.getId());
    }

    String teacher() {
        return school.teacher().username();
    }

    WebSession as(String username, EngineApi api) {
        return api.as(port, username);
    }

    String task(EngineApi api) {
        return api.root + "/task/" + reflection.getId();
    }

    @ParameterizedTest
    @EnumSource(EngineApi.class)
    void throwingABpmnErrorToEndHerOwnReviewIsRefused(EngineApi api) {
        var response = as(teacher(), api).postJson(task(api) + "/bpmnError",
                "{\"errorCode\": \"ReviewWithdrawn\", \"errorMessage\": \"no review this year\"}");
        assertRefused(response, "Only an administrator may report an error or an escalation on a task; "
                + "submit its form instead.");
    }

    @ParameterizedTest
    @EnumSource(EngineApi.class)
    void throwingABpmnEscalationIsRefused(EngineApi api) {
        var response = as(teacher(), api).postJson(task(api) + "/bpmnEscalation", "{\"escalationCode\": \"Skip\"}");
        assertRefused(response, "Only an administrator may report an error or an escalation on a task; "
                + "submit its form instead.");
    }

    @ParameterizedTest
    @EnumSource(EngineApi.class)
    void settingTheTasksVariablesOutsideTheFormIsRefused(EngineApi api) {
        var teacher = as(teacher(), api);
        String values = "Only an administrator may set or remove the values of a task or a review outside its form.";
        assertRefused(teacher.putJson(task(api) + "/variables/strengths", "{\"value\": \"x\", \"type\": \"String\"}"),
                values);
        assertRefused(teacher.putJson(task(api) + "/localVariables/revieweeName",
                "{\"value\": \"Someone Else\", \"type\": \"String\"}"), values);
        assertRefused(teacher.postJson(task(api) + "/variables",
                "{\"modifications\": {\"reviewerUsername\": {\"value\": \"" + teacher() + "\", \"type\": \"String\"}}}"),
                values);
        assertRefused(teacher.postJson(task(api) + "/localVariables",
                "{\"deletions\": [\"revieweeName\"]}"), values);
        assertRefused(teacher.send("DELETE", task(api) + "/localVariables/revieweeName"), values);
    }

    @ParameterizedTest
    @EnumSource(EngineApi.class)
    void settingTheReviewsProcessVariablesIsRefused(EngineApi api) {
        var teacher = as(teacher(), api);
        String instance = api.root + "/process-instance/" + review.processInstanceId();
        String values = "Only an administrator may set or remove the values of a task or a review outside its form.";
        assertRefused(teacher.putJson(instance + "/variables/midYearCheckDone", "{\"value\": true, \"type\": \"Boolean\"}"),
                values);
        assertRefused(teacher.postJson(instance + "/variables",
                "{\"modifications\": {\"headGroup\": {\"value\": \"staff\", \"type\": \"String\"}}}"), values);
    }

    @ParameterizedTest
    @EnumSource(EngineApi.class)
    void offeringTheTaskToOthersIsRefused(EngineApi api) {
        var teacher = as(teacher(), api);
        String offer = "Only an administrator may offer a task to other people or groups, or take it back from them.";
        assertRefused(teacher.postJson(task(api) + "/identity-links", "{\"groupId\": \"staff\", \"type\": \"candidate\"}"),
                offer);
        assertRefused(teacher.postJson(task(api) + "/identity-links",
                "{\"userId\": \"" + school.assistant().username() + "\", \"type\": \"candidate\"}"), offer);
        assertRefused(teacher.postJson(task(api) + "/identity-links/delete",
                "{\"userId\": \"" + teacher() + "\", \"type\": \"assignee\"}"), offer);
    }

    @ParameterizedTest
    @EnumSource(EngineApi.class)
    void handingTheTaskToSomeoneElseIsRefused(EngineApi api) {
        var teacher = as(teacher(), api);
        String colleague = school.assistant().username();
        String handOn = "Only an administrator may hand a task to someone else.";
        assertRefused(teacher.postJson(task(api) + "/assignee", "{\"userId\": \"" + colleague + "\"}"), handOn);
        assertRefused(teacher.postJson(task(api) + "/delegate", "{\"userId\": \"" + colleague + "\"}"), handOn);
        assertRefused(teacher.postJson(task(api) + "/claim", "{\"userId\": \"" + colleague + "\"}"),
                "You can claim a task only for yourself.");
        // it is hers by name: giving it back would leave it with no one
        assertRefused(teacher.postJson(task(api) + "/unclaim", ""),
                "This task is yours by name, so it cannot be given back; an administrator can give it to someone else.");
    }

    @ParameterizedTest
    @EnumSource(EngineApi.class)
    void changingTheTasksDatesOrDetailsIsRefused(EngineApi api) {
        var response = as(teacher(), api).putJson(task(api), """
                {"name": "Reflect (done)", "assignee": "%s", "due": "2030-01-01T00:00:00.000+0000",
                 "followUp": "2030-01-01T00:00:00.000+0000", "priority": 50}""".formatted(teacher()));
        assertRefused(response, "Only an administrator may change a task's name, description, priority or dates.");
    }

    @ParameterizedTest
    @EnumSource(EngineApi.class)
    void addingACommentIsRefused(EngineApi api) {
        // The REST API looks for the task in the history first, which staff may not read, so it
        // refuses before the engine is asked; the engine refuses too, for any other way in.
        var response = as(teacher(), api).postJson(task(api) + "/comment/create", "{\"message\": \"Please skip me\"}");
        assertThat(response.statusCode()).isBetween(400, 499);
        identity.setAuthentication(teacher(), staff.groupIdsOf(teacher()), staff.tenantIdsOf(teacher()));
        try {
            assertThatThrownBy(() -> tasks.createComment(reflection.getId(), review.processInstanceId(), "Please skip me"))
                    .isInstanceOf(AuthorizationException.class)
                    .hasMessage("Only an administrator may add, change or delete comments and attachments.");
        } finally {
            identity.clearAuthentication();
        }
        assertThat(Snapshot.of(this, reflection.getId())).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(EngineApi.class)
    void creatingATaskIsRefused(EngineApi api) {
        var response = as(teacher(), api).postJson(api.root + "/task/create",
                "{\"id\": \"made-up-task\", \"name\": \"Approve my pay rise\", \"assignee\": \"" + teacher() + "\"}");
        assertRefused(response, "Only an administrator may create or delete tasks.");
        assertThat(tasks.createTaskQuery().taskId("made-up-task").count()).isZero();
    }

    @ParameterizedTest
    @EnumSource(EngineApi.class)
    void checkingPasswordsIsRefused(EngineApi api) {
        var response = as(teacher(), api).postJson(api.root + "/identity/verify",
                "{\"username\": \"" + school.head().username() + "\", \"password\": \"demo\"}");
        assertRefused(response, "Only an administrator may check passwords.");
    }

    @ParameterizedTest
    @EnumSource(EngineApi.class)
    void startingAProcessIsRefused(EngineApi api) {
        long reviewsBefore = runtime.createProcessInstanceQuery().count();
        var response = as(teacher(), api).postJson(api.root + "/process-definition/key/"
                + AnnualReviewCycleProcess.KEY + "/tenant-id/" + school.school().code() + "/start", "{}");
        assertRefused(response, "Only an administrator may start, correct or stop a review or any other process.");
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(reviewsBefore);
    }

    @Test
    void aCommandNobodyListedIsRefusedWithTheGeneralSentence() {
        // suspending a job definition is neither a read nor one of the four things staff do
        var response = as(teacher(), EngineApi.ENGINE_REST).putJson("/engine-rest/job-definition/suspended",
                "{\"processDefinitionKey\": \"" + AnnualReviewCycleProcess.KEY + "\", \"suspended\": true}");
        assertRefused(response, "Staff may only read tasks, claim or give them back and submit their forms; "
                + "anything else is for an administrator.");
    }

    @ParameterizedTest
    @EnumSource(EngineApi.class)
    void theTeacherStillReadsHerTaskAndSubmitsItsForm(EngineApi api) {
        var teacher = as(teacher(), api);
        assertThat(teacher.get(task(api)).statusCode()).isEqualTo(200);
        assertThat(teacher.get(task(api) + "/form-variables").statusCode()).isEqualTo(200);
        assertThat(teacher.get(task(api) + "/identity-links").statusCode()).isEqualTo(200);
        assertThat(teacher.get(api.root + "/process-definition/" + reflection.getProcessDefinitionId()).statusCode())
                .isEqualTo(200);
        var submitted = teacher.postJson(task(api) + "/submit-form", """
                {"variables": {"strengths": {"value": "Reading aloud", "type": "String"},
                               "objectiveIdeas": {"value": "Guided reading", "type": "String"}}}""");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
        assertThat(tasks.createTaskQuery().taskId(reflection.getId()).count()).isZero();
    }

    @ParameterizedTest
    @EnumSource(EngineApi.class)
    void aTaskOfferedToHerSchoolIsClaimedForHerselfAndGivenBack(EngineApi api) {
        Task offered = taskOfferedTo(EngineGroups.schoolStaff(school.school().code()));
        String path = api.root + "/task/" + offered.getId();
        var teacher = as(teacher(), api);

        var claimed = teacher.postJson(path + "/claim", "{\"userId\": \"" + teacher() + "\"}");
        assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(204);
        assertThat(tasks.createTaskQuery().taskId(offered.getId()).singleResult().getAssignee()).isEqualTo(teacher());

        var givenBack = teacher.postJson(path + "/unclaim", "");
        assertThat(givenBack.statusCode()).as(givenBack.body()).isEqualTo(204);
        assertThat(tasks.createTaskQuery().taskId(offered.getId()).singleResult().getAssignee()).isNull();

        // a colleague's claim is not hers to give back
        tasks.claim(offered.getId(), school.assistant().username());
        assertRefused(teacher.postJson(path + "/unclaim", ""), "You can give back only a task you have claimed.");
        assertThat(tasks.createTaskQuery().taskId(offered.getId()).singleResult().getAssignee())
                .isEqualTo(school.assistant().username());
    }

    /**
     * Hole 3 of issue 11: a reviewer offered the planning meeting of a review to the group
     * {@code staff}, and every member of staff could then read it.
     */
    @ParameterizedTest
    @EnumSource(EngineApi.class)
    void aReviewerCannotOfferAReviewToTheWholeSchool(EngineApi api) {
        var submitted = as(teacher(), EngineApi.ENGINE_REST).postJson(task(EngineApi.ENGINE_REST) + "/submit-form", """
                {"variables": {"strengths": {"value": "Reading aloud", "type": "String"},
                               "objectiveIdeas": {"value": "Guided reading", "type": "String"}}}""");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
        Task meeting = tasks.createTaskQuery().processInstanceId(review.processInstanceId()).singleResult();
        assertThat(meeting.getTaskDefinitionKey()).isEqualTo(AnnualReviewCycleProcess.Elements.PLANNING_MEETING);
        String reviewer = school.leader().username();
        assertThat(meeting.getAssignee()).isEqualTo(reviewer);
        var linksBefore = tasks.getIdentityLinksForTask(meeting.getId()).stream()
                .map(l -> l.getType() + ":" + l.getUserId() + ":" + l.getGroupId()).collect(Collectors.toSet());

        var leader = as(reviewer, api);
        String links = api.root + "/task/" + meeting.getId() + "/identity-links";
        String offer = "Only an administrator may offer a task to other people or groups, or take it back from them.";
        for (String attempt : List.of("{\"groupId\": \"" + EngineGroups.STAFF + "\", \"type\": \"candidate\"}",
                "{\"groupId\": \"" + EngineGroups.schoolStaff(school.school().code()) + "\", \"type\": \"candidate\"}",
                "{\"userId\": \"" + school.assistant().username() + "\", \"type\": \"candidate\"}")) {
            var response = leader.postJson(links, attempt);
            assertThat(response.statusCode()).as(attempt + " " + response.body()).isEqualTo(403);
            assertThat(response.body()).contains(offer);
        }

        assertThat(tasks.getIdentityLinksForTask(meeting.getId()).stream()
                .map(l -> l.getType() + ":" + l.getUserId() + ":" + l.getGroupId()).collect(Collectors.toSet()))
                .isEqualTo(linksBefore);
        var colleague = as(school.assistant().username(), api);
        assertThat(colleague.get(api.root + "/task/" + meeting.getId()).statusCode()).isIn(403, 404);
        assertThat(colleague.get(api.root + "/task?maxResults=100").body()).doesNotContain(meeting.getId());
        assertThat(colleague.get(api.root + "/task/" + meeting.getId() + "/form-variables").statusCode()).isIn(403, 404);
    }

    @Test
    void anAdminKeepsTheirTools() {
        var admin = WebSession.basic(port, "admin", "demo");
        Task offered = taskOfferedTo(EngineGroups.schoolStaff(school.school().code()));
        String path = "/engine-rest/task/" + offered.getId();
        assertThat(admin.postJson(path + "/comment/create", "{\"message\": \"Covering for a colleague\"}").statusCode())
                .isEqualTo(200);
        assertThat(admin.postJson(path + "/assignee", "{\"userId\": \"" + teacher() + "\"}").statusCode()).isEqualTo(204);
        assertThat(admin.postJson(path + "/identity-links", "{\"userId\": \"" + school.assistant().username()
                + "\", \"type\": \"candidate\"}").statusCode()).isEqualTo(204);
        var task = tasks.createTaskQuery().taskId(offered.getId()).singleResult();
        assertThat(task.getAssignee()).isEqualTo(teacher());
        assertThat(tasks.getTaskComments(offered.getId())).hasSize(1);
    }

    Task taskOfferedTo(String group) {
        return taskOfferedTo(repository, runtime, tasks, group);
    }

    /** A task of a small process of its own, offered to {@code group}. */
    public static Task taskOfferedTo(RepositoryService repository, RuntimeService runtime, TaskService tasks, String group) {
        if (repository.createProcessDefinitionQuery().processDefinitionKey(OFFERED_PROBE).count() == 0) {
            repository.createDeployment().addModelInstance(OFFERED_PROBE + ".bpmn",
                    Bpmn.createExecutableProcess(OFFERED_PROBE).camundaHistoryTimeToLive(1).startEvent()
                            .userTask("Task_Offered").camundaCandidateGroups("${group}").endEvent().done())
                    .deploy();
        }
        var instance = runtime.startProcessInstanceByKey(OFFERED_PROBE, Map.of("group", group));
        return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    /** A 403 with the sentence as the message people are shown, and the teacher's task and review as they were. */
    void assertRefused(HttpResponse<String> response, String sentence) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        try {
            assertThat(JSON.readTree(response.body()).path("message").asText()).isEqualTo(sentence);
        } catch (java.io.IOException e) {
            throw new AssertionError("Not JSON: " + response.body(), e);
        }
        assertThat(response.body()).doesNotContain("ENGINE-", "org.camunda");
        assertThat(Snapshot.of(this, reflection.getId())).isEqualTo(before);
    }

    /** What a refused request might have changed. */
    record Snapshot(boolean open, String assignee, String owner, String name, Date due, Date followUp, int priority,
            Set<String> links, Map<String, String> taskVariables, Map<String, String> processVariables,
            List<String> activities, int comments) {

        static Snapshot of(StaffTaskActionsTest test, String taskId) {
            Task task = test.tasks.createTaskQuery().taskId(taskId).singleResult();
            String instance = test.review.processInstanceId();
            boolean running = test.runtime.createProcessInstanceQuery().processInstanceId(instance).count() == 1;
            if (task == null) {
                return new Snapshot(false, null, null, null, null, null, 0, Set.of(), Map.of(), Map.of(), List.of(), 0);
            }
            return new Snapshot(running, task.getAssignee(), task.getOwner(), task.getName(), task.getDueDate(),
                    task.getFollowUpDate(), task.getPriority(),
                    test.tasks.getIdentityLinksForTask(taskId).stream()
                            .map(l -> l.getType() + ":" + l.getUserId() + ":" + l.getGroupId()).collect(Collectors.toSet()),
                    text(test.tasks.getVariablesLocal(taskId)), text(test.runtime.getVariables(instance)),
                    test.runtime.getActiveActivityIds(instance), test.tasks.getTaskComments(taskId).size());
        }

        private static Map<String, String> text(Map<String, Object> variables) {
            var text = new TreeMap<String, String>();
            variables.forEach((name, value) -> text.put(name, String.valueOf(value)));
            return text;
        }
    }
}

package org.reviewcycle.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffCategory;
import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Security, each rule checked by trying to break it over HTTP, as a person or an API client would,
 * against the demo school (every password "demo").
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityTest {

    static final String PROBE = "SecurityProbe";
    static final String TASKLIST_API = "/camunda/api/engine/engine/default";

    @LocalServerPort int port;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired AuthorizationService authorizations;
    @Autowired FilterService filters;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;

    @BeforeEach
    void deployProbeProcess() {
        if (repository.createProcessDefinitionQuery().processDefinitionKey(PROBE).count() == 0) {
            // One task for a named person, one offered to another school's head.
            var model = Bpmn.createExecutableProcess(PROBE).camundaHistoryTimeToLive(1)
                    .startEvent()
                    .parallelGateway("Gateway_Split")
                    .userTask("Task_ForTheHead").camundaAssignee("${assignee}")
                    .endEvent()
                    .moveToNode("Gateway_Split")
                    .userTask("Task_ForHeadsOfOneSchool").camundaCandidateGroups("${candidateGroup}")
                    .endEvent()
                    .done();
            repository.createDeployment().addModelInstance(PROBE + ".bpmn", model).deploy();
        }
    }

    /** Starts the probe; returns the task assigned to {@code assignee}. */
    Task taskAssignedTo(String assignee, String candidateGroup) {
        var instance = runtime.startProcessInstanceByKey(PROBE,
                java.util.Map.of("assignee", assignee, "candidateGroup", candidateGroup));
        return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_ForTheHead")
                .singleResult();
    }

    @Test
    void engineRestAnswers401WithoutCredentials() {
        var response = WebSession.anonymous(port).get("/engine-rest/task?maxResults=10");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    }

    @Test
    void aWrongPasswordIsRefusedByTheApiAndByTheLoginForm() {
        assertThat(WebSession.basic(port, "teacher.mpg", "not-demo").get("/engine-rest/task?maxResults=10").statusCode())
                .isEqualTo(401);
        assertThat(WebSession.basic(port, "teacher.mpg", "demo").get("/engine-rest/task?maxResults=10").statusCode())
                .isEqualTo(200);

        var login = WebSession.anonymous(port).submitLogin("teacher.mpg", "not-demo");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
    }

    @Test
    void aTeacherCannotReadOrCompleteTheHeadsTaskThroughTheRestApi() {
        Task headsTask = taskAssignedTo("head", "heads-littletown");
        var teacher = WebSession.basic(port, "teacher.mpg", "demo");

        assertThat(teacher.get("/engine-rest/task/" + headsTask.getId()).statusCode()).isIn(403, 404);
        assertThat(teacher.get("/engine-rest/task?maxResults=100").body()).doesNotContain(headsTask.getId());
        assertThat(teacher.get("/engine-rest/task/" + headsTask.getId() + "/variables").statusCode()).isIn(403, 404);
        assertThat(teacher.postJson("/engine-rest/task/" + headsTask.getId() + "/complete", "{}").statusCode())
                .isIn(403, 404, 500);
        assertThat(teacher.postJson("/engine-rest/task/" + headsTask.getId() + "/claim", "{\"userId\":\"teacher.mpg\"}")
                .statusCode()).isIn(403, 404);
        assertThat(tasks.createTaskQuery().taskId(headsTask.getId()).singleResult().getAssignee()).isEqualTo("head");

        // The head can: the refusal above is about who asks, not a broken endpoint.
        var head = WebSession.basic(port, "head", "demo");
        assertThat(head.get("/engine-rest/task/" + headsTask.getId()).statusCode()).isEqualTo(200);
        assertThat(head.postJson("/engine-rest/task/" + headsTask.getId() + "/complete", "{}").statusCode()).isEqualTo(204);
        assertThat(tasks.createTaskQuery().taskId(headsTask.getId()).count()).isZero();
    }

    @Test
    void aTeacherCannotReadOrCompleteTheHeadsTaskThroughTasklist() {
        Task headsTask = taskAssignedTo("head", "heads-littletown");
        var teacher = WebSession.loggedIn(port, "teacher.mpg", "demo").openTasklist();
        assertThat(teacher.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(200);

        assertThat(teacher.get(TASKLIST_API + "/task/" + headsTask.getId()).statusCode()).isIn(403, 404);
        assertThat(teacher.get(TASKLIST_API + "/task/" + headsTask.getId() + "/form-variables").statusCode()).isIn(403, 404);
        String teachersTasks = myTasksFilterOf("teacher.mpg");
        var listed = teacher.postJson(TASKLIST_API + "/filter/" + teachersTasks + "/list?firstResult=0&maxResults=50", "{}");
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).doesNotContain(headsTask.getId());
        String allTasks = filters.createFilterQuery().filterName(EngineAuthorizations.ALL_TASKS_FILTER).singleResult().getId();
        assertThat(teacher.postJson(TASKLIST_API + "/filter/" + allTasks + "/list?firstResult=0&maxResults=50", "{}")
                .statusCode()).isIn(403, 404);
        assertThat(teacher.get(TASKLIST_API + "/filter?resourceType=Task&maxResults=50").body())
                .contains(teachersTasks).doesNotContain(allTasks);
        assertThat(teacher.postJson(TASKLIST_API + "/task/" + headsTask.getId() + "/submit-form", "{\"variables\":{}}")
                .statusCode()).isIn(403, 404, 500);
        assertThat(tasks.createTaskQuery().taskId(headsTask.getId()).count()).isOne();

        var head = WebSession.loggedIn(port, "head", "demo").openTasklist();
        var headsList = head.postJson(TASKLIST_API + "/filter/" + myTasksFilterOf("head")
                + "/list?firstResult=0&maxResults=50", "{}");
        assertThat(headsList.body()).contains(headsTask.getId());
        assertThat(head.postJson(TASKLIST_API + "/filter/" + teachersTasks + "/list?firstResult=0&maxResults=50", "{}")
                .statusCode()).isIn(403, 404);
    }

    @Test
    void myTasksHoldsWhatIsAssignedToMeAndWhatIsOfferedToMyGroupsOnlyEvenForAnAdmin() {
        Task headsTask = taskAssignedTo("head", "heads-littletown");
        Task offeredToHeads = tasks.createTaskQuery().processInstanceId(headsTask.getProcessInstanceId())
                .taskDefinitionKey("Task_ForHeadsOfOneSchool").singleResult();
        var head = WebSession.loggedIn(port, "head", "demo").openTasklist();
        var headsList = head.postJson(TASKLIST_API + "/filter/" + myTasksFilterOf("head")
                + "/list?firstResult=0&maxResults=100", "{}").body();
        assertThat(headsList).contains(headsTask.getId(), offeredToHeads.getId());

        // An admin may see every task, under "All tasks"; their own list holds only their own work.
        var admin = WebSession.loggedIn(port, "admin", "demo").openTasklist();
        var adminsOwn = admin.postJson(TASKLIST_API + "/filter/" + myTasksFilterOf("admin")
                + "/list?firstResult=0&maxResults=100", "{}").body();
        assertThat(adminsOwn).doesNotContain(headsTask.getId(), offeredToHeads.getId());
        String allTasks = filters.createFilterQuery().filterName(EngineAuthorizations.ALL_TASKS_FILTER).singleResult().getId();
        assertThat(admin.postJson(TASKLIST_API + "/filter/" + allTasks + "/list?firstResult=0&maxResults=1000", "{}").body())
                .contains(headsTask.getId());
    }

    String myTasksFilterOf(String username) {
        return filters.createFilterQuery().filterName(PersonalTaskFilters.MY_TASKS).filterOwner(username).singleResult()
                .getId();
    }

    @Test
    void aHeadSeesOnlyTheirOwnSchoolsWork() {
        String otherSchool = "othertown-" + UUID.randomUUID().toString().substring(0, 8);
        var school = schools.createSchool(otherSchool, "Othertown Primary");
        String otherHead = "head." + otherSchool;
        staff.addStaffMember(new StaffMember(null, school.id(), otherHead, "Olive", "Other", otherHead + "@example.org",
                "Headteacher", StaffCategory.HEADTEACHER, true, false, null), "demo");

        var instance = runtime.startProcessInstanceByKey(PROBE,
                java.util.Map.of("assignee", otherHead, "candidateGroup", "heads-" + otherSchool));
        Task offered = tasks.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey("Task_ForHeadsOfOneSchool").singleResult();

        var littletownHead = WebSession.basic(port, "head", "demo");
        assertThat(littletownHead.get("/engine-rest/task?maxResults=200").body()).doesNotContain(instance.getId());
        assertThat(littletownHead.get("/engine-rest/task/" + offered.getId()).statusCode()).isIn(403, 404);

        var othertownHead = WebSession.basic(port, otherHead, "demo");
        assertThat(othertownHead.get("/engine-rest/task/" + offered.getId()).statusCode()).isEqualTo(200);
    }

    @Test
    void aTeacherCannotOpenCockpitOrAdmin() {
        var teacher = WebSession.loggedIn(port, "teacher.mpg", "demo");
        assertThat(teacher.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
        assertThat(teacher.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(403);
        assertThat(teacher.get("/camunda/app/admin/default/").statusCode()).isEqualTo(403);
        assertThat(teacher.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics").statusCode())
                .isEqualTo(403);
        assertThat(teacher.get("/camunda/api/admin/auth/user/default").body()).doesNotContain("cockpit", "\"admin\"");

        var admin = WebSession.loggedIn(port, "admin", "demo");
        var cockpit = admin.get("/camunda/app/cockpit/default/");
        assertThat(cockpit.statusCode()).as(cockpit.headers() + cockpit.body()).isEqualTo(200);
        assertThat(admin.get("/camunda/app/admin/default/").statusCode()).isEqualTo(200);
        assertThat(admin.get("/camunda/api/admin/auth/user/default").body()).contains("cockpit", "admin");
    }

    @Test
    void aTeacherWhoOpensAnAdminPageIsToldItIsNotForThemNotThatAChangeWasForged() {
        var teacher = WebSession.loggedIn(port, "teacher.mpg", "demo");
        for (String page : new String[] {"/admin", "/admin/schools", "/camunda/app/cockpit/default/"}) {
            var refused = teacher.get(page);
            assertThat(refused.statusCode()).as(page).isEqualTo(403);
            assertThat(refused.body()).as(page).contains("You may not open this page")
                    .doesNotContain("did not come from ReviewCycle's own pages");
        }
    }

    @Test
    void theAdminSetupEndpointCreatesNoUserEvenWithAnEmptyAdminGroup() {
        // The precondition of CVE-2026-77226: Camunda's own admin group has no member, which
        // makes the setup endpoint think this is a first run.
        assertThat(identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count()).isZero();
        String intruder = "intruder-" + UUID.randomUUID().toString().substring(0, 8);
        String newAdmin = """
                {"profile": {"id": "%s", "firstName": "I", "lastName": "Ntruder", "email": "i@example.org"},
                 "credentials": {"password": "letmein123"}}""".formatted(intruder);

        var anonymous = WebSession.anonymous(port);
        anonymous.get("/camunda/app/admin/default/");
        assertThat(anonymous.postJson("/camunda/api/admin/setup/default/user/create", newAdmin).statusCode()).isIn(401, 403);
        var teacher = WebSession.loggedIn(port, "teacher.mpg", "demo").openTasklist();
        assertThat(teacher.postJson("/camunda/api/admin/setup/default/user/create", newAdmin).statusCode()).isEqualTo(403);
        var admin = WebSession.loggedIn(port, "admin", "demo").openTasklist();
        assertThat(admin.postJson("/camunda/api/admin/setup/default/user/create", newAdmin).statusCode()).isEqualTo(403);

        assertThat(identity.createUserQuery().userId(intruder).count()).isZero();
        assertThat(staff.findByUsername(intruder)).isEmpty();
        assertThat(authorizations.createAuthorizationQuery().groupIdIn(Groups.CAMUNDA_ADMIN).count()).isZero();
        assertThat(WebSession.basic(port, intruder, "letmein123").get("/engine-rest/task?maxResults=1").statusCode())
                .isEqualTo(401);
    }

    @Test
    void staffAreTheEnginesUsersReadOnlyEvenForAnAdmin() {
        var admin = WebSession.basic(port, "admin", "demo");
        var operations = admin.send("OPTIONS", "/engine-rest/user");
        assertThat(operations.body()).contains("\"list\"").doesNotContain("\"create\"");
        var created = admin.postJson("/engine-rest/user/create", """
                {"profile": {"id": "new.person", "firstName": "New", "lastName": "Person", "email": "n@example.org"},
                 "credentials": {"password": "secret123"}}""");
        assertThat(created.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(identity.createUserQuery().userId("new.person").count()).isZero();
        assertThat(identity.isReadOnly()).isTrue();
        assertThat(identity.createUserQuery().memberOfGroup("heads-littletown").list())
                .extracting(u -> u.getLastName()).containsExactly("Ashworth");
    }

    @Test
    void anExpressionInATaskQueryIsRefusedForEveryCallerIncludingAdmins() {
        var admin = WebSession.basic(port, "admin", "demo");
        String expression = "${currentUser()}";

        var inQueryString = admin.get("/engine-rest/task?maxResults=10&assigneeExpression=" + encode(expression));
        assertThat(inQueryString.statusCode()).isEqualTo(400);

        var inOrQueries = admin.postJson("/engine-rest/task?maxResults=10",
                "{\"orQueries\": [{\"assigneeExpression\": \"" + expression + "\"}]}");
        assertThat(inOrQueries.statusCode()).isEqualTo(400);
        assertThat(inOrQueries.body()).contains("Expressions are not allowed in task queries");

        var countWithOrQueries = admin.postJson("/engine-rest/task/count",
                "{\"orQueries\": [{\"candidateGroupsExpression\": \"${currentUserGroups()}\"}]}");
        assertThat(countWithOrQueries.statusCode()).isEqualTo(400);

        var storedInAFilter = admin.postJson("/engine-rest/filter/create", """
                {"resourceType": "Task", "name": "sneaky",
                 "query": {"orQueries": [{"assigneeExpression": "%s"}]}}""".formatted(expression));
        assertThat(storedInAFilter.statusCode()).as(storedInAFilter.body()).isEqualTo(400);
        assertThat(filters.createFilterQuery().filterName("sneaky").count()).isZero();

        // Tasklist lists a filter's tasks with a query that extends the filter: the same rule holds there.
        var teacher = WebSession.loggedIn(port, "teacher.mpg", "demo").openTasklist();
        String myTasks = myTasksFilterOf("teacher.mpg");
        var extendingFilter = teacher.postJson(TASKLIST_API + "/filter/" + myTasks + "/list?firstResult=0&maxResults=15",
                "{\"orQueries\": [{\"assigneeExpression\": \"" + expression + "\"}]}");
        assertThat(extendingFilter.statusCode()).isEqualTo(400);

        // The Java API too, for code of our own.
        assertThatThrownBy(() -> tasks.createTaskQuery().or().taskAssigneeExpression(expression).endOr().list())
                .isInstanceOf(BadUserRequestException.class);
    }

    @Test
    void loggingOutOfTasklistEndsTheLoginSoTasklistAsksForItAgain() {
        var teacher = WebSession.loggedIn(port, "teacher.mpg", "demo");
        assertThat(teacher.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
        assertThat(teacher.get("/camunda/api/admin/auth/user/default").body()).contains("\"userId\":\"teacher.mpg\"");

        // Tasklist's own "Log out" posts here.
        assertThat(teacher.postJson("/camunda/api/admin/auth/user/default/logout", "").statusCode()).isEqualTo(200);

        // Tasklist's page again, now with the login form on it (TasklistLogin)
        var tasklist = teacher.get("/camunda/app/tasklist/default/");
        assertThat(tasklist.statusCode()).isEqualTo(200);
        assertThat(tasklist.body()).contains("class=\"logged-out\"");
        assertThat(teacher.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(401);
        assertThat(teacher.get("/engine-rest/task?maxResults=1").statusCode()).isEqualTo(401);
    }

    @Test
    void pagesCarrySecureHeaders() {
        var teacher = WebSession.loggedIn(port, "teacher.mpg", "demo");
        HttpResponse<String> tasklist = teacher.get("/camunda/app/tasklist/default/");
        assertThat(tasklist.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(tasklist.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        HttpResponse<String> login = WebSession.anonymous(port).get("/login");
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void staffListTheirOwnSchoolsStaffAndGroupsOnlyWhileAdminsSeeEveryone() throws Exception {
        var otherSchool = org.reviewcycle.support.TestSchool.create(schools, staff);
        var json = new com.fasterxml.jackson.databind.ObjectMapper();

        for (String person : new String[] {"teacher.mpg", "head"}) {
            var session = WebSession.basic(port, person, "demo");
            var users = json.readTree(session.get("/engine-rest/user?maxResults=500").body());
            assertThat(users.findValuesAsText("id")).as(person).contains("head", "kitchen")
                    .doesNotContain(otherSchool.head().username(), otherSchool.teacher().username());
            var groups = json.readTree(session.get("/engine-rest/group?maxResults=500").body());
            assertThat(groups.findValuesAsText("id")).as(person).contains("heads-littletown", "school-littletown")
                    .doesNotContain(otherSchool.headGroup(), "school-" + otherSchool.school().code());
            assertThat(session.get("/engine-rest/user/" + otherSchool.teacher().username() + "/profile").statusCode())
                    .as(person).isEqualTo(404);
        }
        var admin = WebSession.basic(port, "admin", "demo");
        // each by id: the whole trust's staff (other tests' schools too) does not fit one page
        for (String username : new String[] {"head", otherSchool.head().username()}) {
            assertThat(admin.get("/engine-rest/user/" + username + "/profile").statusCode()).as(username).isEqualTo(200);
        }
    }
}

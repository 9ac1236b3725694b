package org.reviewcycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.EngineGroups;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.TestSchool;
import org.reviewcycle.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Tasklist's filters: each person's own "My tasks" first, the admins' "All tasks in my schools",
 * nobody else's; staff cannot create, change or delete filters (hole 4 of issue 11: a teacher made
 * the head the owner of her filter and the head's next login failed); and a login gets through
 * whatever filters it finds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TaskFiltersTest {

    static final String TASKLIST_API = "/camunda/api/engine/engine/default";
    static final String TASKLIST = "/camunda/app/tasklist/default/";
    static final String FILTERS_REFUSED = "Only an administrator may create, change or delete task filters; "
            + "ReviewCycle keeps each person's own list up to date.";
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired FilterService filters;
    @Autowired TaskService tasks;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired PersonalTaskFilters personalFilters;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired JdbcTemplate jdbc;

    TestSchool school;

    @BeforeEach
    void aSchoolOfItsOwn() {
        school = TestSchool.create(schools, staff);
    }

    String head() {
        return school.head().username();
    }

    String teacher() {
        return school.teacher().username();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/engine-rest", TASKLIST_API})
    void staffCannotCreateChangeOrDeleteFilters(String api) {
        var teacher = api.startsWith("/engine-rest") ? WebSession.basic(port, teacher(), "demo")
                : WebSession.loggedIn(port, teacher(), "demo").openTasklist();
        Filter own = filters.getFilter(personalFilters.myTasksOf(teacher()).getId());
        String ownQuery = ((FilterEntity) own).getQueryInternal();
        long filtersBefore = filters.createFilterQuery().count();

        assertRefused(teacher.postJson(api + "/filter/create", """
                {"resourceType": "Task", "name": "Everything", "owner": "%s", "query": {}}""".formatted(teacher())));
        // the attack of hole 4: her filter handed to the head, whose login then found two
        assertRefused(teacher.putJson(api + "/filter/" + own.getId(), """
                {"resourceType": "Task", "name": "My tasks", "owner": "%s", "query": {}}""".formatted(head())));
        assertRefused(teacher.putJson(api + "/filter/" + own.getId(), """
                {"resourceType": "Task", "name": "Renamed", "owner": "%s", "query": {}}""".formatted(teacher())));
        assertRefused(teacher.send("DELETE", api + "/filter/" + own.getId()));

        assertThat(filters.createFilterQuery().count()).isEqualTo(filtersBefore);
        Filter after = filters.getFilter(own.getId());
        assertThat(after.getOwner()).isEqualTo(teacher());
        assertThat(after.getName()).isEqualTo(PersonalTaskFilters.MY_TASKS);
        assertThat(((FilterEntity) after).getQueryInternal()).isEqualTo(ownQuery);
        assertLogsInToTasklist(head());
    }

    @Test
    void theLoginSurvivesTwoMyTasksFiltersOfOnePerson() {
        personalFilters.myTasksOf(head());
        filters.saveFilter(filters.newTaskFilter(PersonalTaskFilters.MY_TASKS).setOwner(head())
                .setQuery(tasks.createTaskQuery()));

        assertLogsInToTasklist(head());
        assertOneListOfTheirOwn(head());
    }

    @Test
    void theLoginSurvivesAFilterAColleagueHandedOver() {
        Filter teachers = personalFilters.myTasksOf(teacher());
        personalFilters.myTasksOf(head());
        filters.saveFilter(teachers.setOwner(head()));

        assertLogsInToTasklist(head());
        assertOneListOfTheirOwn(head());
        assertLogsInToTasklist(teacher());
        assertOneListOfTheirOwn(teacher());
        // the filter she gave away is gone, with what she could do with it
        assertThat(filters.createFilterQuery().filterId(teachers.getId()).count()).isZero();
    }

    @Test
    void theLoginSurvivesAFilterWithAForeignOwnerAsTheOnlyOne() {
        Filter teachers = personalFilters.myTasksOf(teacher());
        filters.saveFilter(teachers.setOwner(head()));

        assertLogsInToTasklist(head());
        assertOneListOfTheirOwn(head());
        assertThat(filters.createFilterQuery().filterId(teachers.getId()).count()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a query", "{\"dueBefore\": \"next Tuesday\"}", "{\"orQueries\": 7}"})
    void theLoginSurvivesABrokenQuery(String brokenQuery) {
        Filter own = personalFilters.myTasksOf(head());
        jdbc.update("update ACT_RU_FILTER set QUERY_ = ? where ID_ = ?", brokenQuery, own.getId());
        try {
            assertLogsInToTasklist(head());
        } finally {
            // the engine cannot read the filter, so it cannot delete it either
            jdbc.update("delete from ACT_RU_AUTHORIZATION where RESOURCE_ID_ = ?", own.getId());
            jdbc.update("delete from ACT_RU_FILTER where ID_ = ?", own.getId());
        }
    }

    @Test
    void aLoginWritesNothingWhenTheFilterIsUpToDateAndANewTeamsWorkShowsAllTheSame() {
        assertLogsInToTasklist(head());
        FilterEntity first = (FilterEntity) onlyMyTasksOf(head());
        assertLogsInToTasklist(head());
        personalFilters.myTasksOf(head());
        assertThat(((FilterEntity) onlyMyTasksOf(head())).getRevision()).isEqualTo(first.getRevision());

        // the head joins a team: its work is in "My tasks" at once, with the filter as it was
        var team = staff.createTeam(school.school().id(), "eyfs", "Early years team", school.head().id());
        staff.addTeamMember(team.id(), school.head().id());
        Task forTheTeam = StaffTaskActionsTest.taskOfferedTo(repository, runtime, tasks,
                EngineGroups.team(school.school().code(), "eyfs"));
        var head = WebSession.loggedIn(port, head(), "demo").openTasklist();
        var listed = head.postJson(TASKLIST_API + "/filter/" + first.getId() + "/list?firstResult=0&maxResults=15", "{}");
        assertThat(listed.body()).contains(forTheTeam.getId());
        assertThat(((FilterEntity) onlyMyTasksOf(head())).getRevision()).isEqualTo(first.getRevision());
    }

    @Test
    void everyoneSeesTheirOwnListFirstAndNoColleaguesList() throws Exception {
        Filter teachers = personalFilters.myTasksOf(teacher());
        var adminsList = listedFilters(WebSession.loggedIn(port, "admin", "demo").openTasklist());
        var adminsOwn = onlyMyTasksOf("admin");
        assertThat(adminsList.get(0).get("id").asText()).as("the admin lands on their own list").isEqualTo(adminsOwn.getId());
        assertThat(adminsList).extracting(f -> f.get("name").asText())
                .contains(PersonalTaskFilters.MY_TASKS, EngineAuthorizations.ALL_TASKS_FILTER);
        assertThat(adminsList).extracting(f -> f.get("owner").asText(null)).containsOnly("admin", null);
        assertThat(adminsList).extracting(f -> f.get("id").asText()).doesNotContain(teachers.getId());

        var teacher = WebSession.loggedIn(port, teacher(), "demo").openTasklist();
        var teachersList = listedFilters(teacher);
        assertThat(teachersList).extracting(f -> f.get("id").asText()).containsExactly(teachers.getId());

        var admin = WebSession.loggedIn(port, "admin", "demo").openTasklist();
        assertThat(admin.get(TASKLIST_API + "/filter/" + teachers.getId()).statusCode()).isIn(403, 404);
        assertThat(admin.postJson(TASKLIST_API + "/filter/" + teachers.getId() + "/list?firstResult=0&maxResults=15", "{}")
                .statusCode()).isIn(403, 404);
    }

    @Test
    void anAdminMayStillMakeFiltersOfTheirOwn() throws Exception {
        var admin = WebSession.basic(port, "admin", "demo");
        var created = admin.postJson("/engine-rest/filter/create", """
                {"resourceType": "Task", "name": "Overdue in every school", "owner": "admin",
                 "query": {"dueBefore": "2026-01-01T00:00:00.000+0000"}, "properties": {"priority": 20}}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        String id = JSON.readTree(created.body()).get("id").asText();
        try {
            assertThat(listedFilters(WebSession.loggedIn(port, "admin", "demo").openTasklist()))
                    .extracting(f -> f.get("id").asText()).contains(id);
            assertThat(listedFilters(WebSession.loggedIn(port, teacher(), "demo").openTasklist()))
                    .extracting(f -> f.get("id").asText()).doesNotContain(id);
        } finally {
            filters.deleteFilter(id);
        }
    }

    /** The filters Tasklist shows, in the order it shows them (by priority). */
    List<JsonNode> listedFilters(WebSession session) throws Exception {
        var response = session.get(TASKLIST_API + "/filter?resourceType=Task&firstResult=0&maxResults=50");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var listed = new ArrayList<JsonNode>();
        JSON.readTree(response.body()).forEach(listed::add);
        listed.sort(java.util.Comparator.comparingInt(f -> f.path("properties").path("priority").asInt(0)));
        return listed;
    }

    void assertLogsInToTasklist(String username) {
        var login = WebSession.anonymous(port).submitLogin(username, "demo");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .satisfiesAnyOf(tasklist -> assertThat(tasklist).endsWith(TASKLIST),
                        ownList -> assertThat(ownList).contains(TASKLIST + "#/?searchQuery=%5B%5D&filter=")));
    }

    @Test
    void staffLandOnTheirOwnListSoonestDueFirstFromTheLoginAndFromTheFrontDoor() {
        var session = WebSession.anonymous(port);
        var login = session.submitLogin(teacher(), "demo");
        String ownList = TASKLIST + "#/?searchQuery=%5B%5D&filter=" + onlyMyTasksOf(teacher()).getId()
                + "&sorting=%5B%7B%22sortBy%22:%22dueDate%22,%22sortOrder%22:%22asc%22%7D%5D";
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(ownList));

        var frontDoor = session.get("/");
        assertThat(frontDoor.statusCode()).isEqualTo(302);
        assertThat(frontDoor.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(ownList));
    }

    /** One "My tasks" of the person's own, which they alone can list in Tasklist. */
    void assertOneListOfTheirOwn(String username) {
        Filter own = onlyMyTasksOf(username);
        var session = WebSession.loggedIn(port, username, "demo").openTasklist();
        var listed = session.postJson(TASKLIST_API + "/filter/" + own.getId() + "/list?firstResult=0&maxResults=15", "{}");
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        String someoneElse = username.equals(head()) ? teacher() : head();
        assertThat(WebSession.loggedIn(port, someoneElse, "demo").openTasklist().get(TASKLIST_API + "/filter/" + own.getId())
                .statusCode()).isIn(403, 404);
    }

    Filter onlyMyTasksOf(String username) {
        var found = filters.createFilterQuery().filterName(PersonalTaskFilters.MY_TASKS).filterOwner(username).list();
        assertThat(found).as("%s's \"My tasks\"", username).hasSize(1);
        return found.get(0);
    }

    static void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.body()).contains(FILTERS_REFUSED).doesNotContain("ENGINE-", "org.camunda");
    }
}

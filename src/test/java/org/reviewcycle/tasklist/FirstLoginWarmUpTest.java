package org.reviewcycle.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.apache.catalina.Context;
import org.apache.catalina.session.ManagerBase;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.junit.jupiter.api.Test;
import org.reviewcycle.security.PersonalTaskFilters;
import org.reviewcycle.staff.EngineGroups;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/**
 * What the server does once started so that the first login after a restart is as quick as the next
 * (the benchmark's "first login after the start"): the running cycles parsed, Tasklist's first requests
 * answered through the webapps' own engine API as someone like most staff, and nothing written, kept or
 * left behind. (Surefire turns the warm-up at the start off; these call it themselves.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FirstLoginWarmUpTest {

    @Autowired FirstLoginWarmUp warmUp;
    @Autowired ProcessEngine engine;
    @Autowired PersonalTaskFilters personalFilters;
    @Autowired ServletWebServerApplicationContext web;

    @Test
    void everyCycleWithReviewsRunningIsParsed() {
        List<ProcessDefinition> running = engine.getRepositoryService().createProcessDefinitionQuery().active().list()
                .stream().filter(d -> engine.getRuntimeService().createProcessInstanceQuery()
                        .processDefinitionId(d.getId()).count() > 0).toList();
        assertThat(running).extracting(ProcessDefinition::getTenantId).contains("littletown", "hillcrest");
        var cache = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDeploymentCache();
        cache.discardProcessDefinitionCache(); // as after a restart

        assertThat(warmUp.parseRunningDefinitions()).isGreaterThanOrEqualTo(running.size());

        for (ProcessDefinition definition : running) {
            assertThat(cache.getProcessDefinitionCache().get(definition.getId())).as(definition.getTenantId()).isNotNull();
        }
    }

    @Test
    void theCyclesItParsesKeepNothingOfTheirParse() {
        var cache = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDeploymentCache();
        cache.discardProcessDefinitionCache();

        warmUp.parseRunningDefinitions();

        // every school's cycle, the lesson observations' multi-instance step included (process.ParsedModelMemoryPlugin)
        var parsed = cache.getProcessDefinitionCache();
        assertThat(parsed.keySet()).isNotEmpty().allSatisfy(id -> assertThat(activitiesHoldingTheParse(parsed.get(id)))
                .as(parsed.get(id).getTenantId()).isEmpty());
    }

    /** The activities, at any depth, still holding on to the parse that made them (its whole XML tree). */
    static List<String> activitiesHoldingTheParse(ScopeImpl scope) {
        var holding = new ArrayList<String>();
        for (ActivityImpl activity : scope.getActivities()) {
            if (activity.getDelegateAsyncBeforeUpdate() != null || activity.getDelegateAsyncAfterUpdate() != null) {
                holding.add(activity.getId());
            }
            holding.addAll(activitiesHoldingTheParse(activity));
        }
        return holding;
    }

    @Test
    void tasklistsFirstRequestsAreAnsweredAsThePersonWouldBeWithNothingWrittenOrLeftBehind() throws Exception {
        personalFilters.myTasksOf("head"); // she has logged in before
        var before = new Counts();

        var answers = warmUp.answerTasklistsFirstRequests(tomcat(), warmUp.asPerson("head").orElseThrow());

        assertThat(answers).extracting(FirstLoginWarmUp.Answer::line).containsExactly("GET engine/ 200",
                "GET engine/default/user/…/profile 200",
                "GET engine/default/filter/count?itemCount=false&resourceType=Task 200",
                "OPTIONS engine/default/filter 200",
                "GET engine/default/filter?firstResult=0&maxResults=2000&itemCount=false&resourceType=Task 200",
                "POST engine/default/filter/…/list?firstResult=0&maxResults=15 200");
        // as her: her profile, her filter, her approvals (the engine's authorization and tenant checks on)
        assertThat(answers.get(1).body()).contains("\"id\":\"head\"", "\"firstName\":\"Helen\"");
        assertThat(answers.get(4).body()).contains(PersonalTaskFilters.MY_TASKS);
        assertThat(answers.get(5).body()).contains("Approve or return the objectives", "\"assignee\":\"head\"")
                .doesNotContain("\"tenantId\":\"hillcrest\"");
        before.assertNothingWrittenOrLeftBehind();
    }

    @Test
    void someoneWhoHasNeverLoggedInHasTheirTasksAskedForDirectly() throws Exception {
        personalFilters.myTasksOf("head");
        engine.getFilterService().deleteFilter(personalFilters.myTasksOf("head").getId()); // made again at her login
        var before = new Counts();
        try {
            var answers = warmUp.answerTasklistsFirstRequests(tomcat(), warmUp.asPerson("head").orElseThrow());

            assertThat(answers).extracting(FirstLoginWarmUp.Answer::line).hasSize(6)
                    .allSatisfy(line -> assertThat(line).endsWith(" 200"))
                    .endsWith("POST engine/default/task?firstResult=0&maxResults=15 200");
            assertThat(answers.get(5).body()).contains("Approve or return the objectives", "\"assignee\":\"head\"");
            before.assertNothingWrittenOrLeftBehind();
        } finally {
            personalFilters.myTasksOf("head");
        }
    }

    @Test
    void theWarmUpIsDoneAsAMemberOfStaffWhoIsNoAdministrator() {
        assertThat(warmUp.asPerson("head")).isPresent();
        // the engine checks administrators less: their requests are not the path most people's take
        assertThat(warmUp.asPerson("admin")).isEmpty();
        assertThat(warmUp.asPerson("hc.admin")).isEmpty();
        // a governor is not staff, and someone unknown is nobody
        assertThat(warmUp.asPerson("governor")).isEmpty();
        assertThat(warmUp.asPerson("no.such.person")).isEmpty();
        assertThat(warmUp.someoneLikeMostStaff()).hasValueSatisfying(person -> assertThat(person.login().getGroupIds())
                .contains(EngineGroups.STAFF).doesNotContain(EngineGroups.ADMINS, EngineGroups.TRUST_ADMINS));

        var before = new Counts();
        var done = warmUp.warmUp(tomcat());
        // the login's path ten times over (reviewcycle.warm-up.first-login-rounds), so that more of it is compiled
        assertThat(done).hasSize(8).endsWith("the login and Tasklist's first requests done 10 times")
                .allSatisfy(line -> assertThat(line).doesNotContain("head", "admin"));
        before.assertNothingWrittenOrLeftBehind();
    }

    /** What the warm-up might have written or kept, counted before it. */
    private final class Counts {
        final long filters = engine.getFilterService().createFilterQuery().count();
        final long grants = engine.getAuthorizationService().createAuthorizationQuery().count();
        final long operations = engine.getHistoryService().createUserOperationLogQuery().count();
        final long sessionsMade = sessions().getSessionCounter();

        void assertNothingWrittenOrLeftBehind() {
            assertThat(engine.getFilterService().createFilterQuery().count()).isEqualTo(filters);
            assertThat(engine.getAuthorizationService().createAuthorizationQuery().count()).isEqualTo(grants);
            assertThat(engine.getHistoryService().createUserOperationLogQuery().count()).isEqualTo(operations);
            // no login kept anywhere: no session made, and the engine and the webapps know nobody on this thread
            assertThat(sessions().getSessionCounter()).isEqualTo(sessionsMade);
            assertThat(engine.getIdentityService().getCurrentAuthentication()).isNull();
            assertThat(Authentications.getCurrent()).isNull();
        }
    }

    private TomcatWebServer tomcat() {
        return (TomcatWebServer) web.getWebServer();
    }

    private ManagerBase sessions() {
        return (ManagerBase) ((Context) tomcat().getTomcat().getHost().findChildren()[0]).getManager();
    }
}

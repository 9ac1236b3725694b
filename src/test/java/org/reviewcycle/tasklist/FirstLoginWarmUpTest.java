package org.reviewcycle.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.catalina.Context;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.junit.jupiter.api.Test;
import org.reviewcycle.security.PersonalTaskFilters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/**
 * What the server does once started so that the first login after a restart is as quick as the next
 * (the benchmark's "first login after the start"): the running cycles parsed, Tasklist's first requests
 * answered through the webapps' own engine API, and nothing written, kept or left behind.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FirstLoginWarmUpTest {

    @Autowired FirstLoginWarmUp warmUp;
    @Autowired ProcessEngine engine;
    @Autowired PersonalTaskFilters personalFilters;
    @Autowired ServletWebServerApplicationContext web;

    @Test
    void theRunningCyclesAreParsedAndTasklistsFirstRequestsAnsweredWithNothingWrittenOrLeftBehind() {
        personalFilters.myTasksOf("head"); // she has logged in before
        var cache = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDeploymentCache();
        cache.discardProcessDefinitionCache(); // as after a restart
        long filters = engine.getFilterService().createFilterQuery().count();
        long grants = engine.getAuthorizationService().createAuthorizationQuery().count();
        long operations = engine.getHistoryService().createUserOperationLogQuery().count();
        int sessions = activeSessions();

        List<String> done = warmUp.warmUp(tomcat());

        List<ProcessDefinition> running = engine.getRepositoryService().createProcessDefinitionQuery().active().list()
                .stream().filter(d -> engine.getRuntimeService().createProcessInstanceQuery()
                        .processDefinitionId(d.getId()).count() > 0).toList();
        assertThat(running).extracting(ProcessDefinition::getTenantId).contains("littletown", "hillcrest");
        assertThat(done.get(0)).isEqualTo("parsed " + running.size() + " process definitions");
        for (ProcessDefinition definition : running) {
            assertThat(cache.getProcessDefinitionCache().get(definition.getId())).as(definition.getTenantId()).isNotNull();
        }
        // Tasklist's first requests, each answered as it is for the person, through their "My tasks"
        assertThat(done.subList(1, done.size())).containsExactly("GET engine/ 200",
                "GET engine/default/user/…/profile 200",
                "GET engine/default/filter/count?itemCount=false&resourceType=Task 200",
                "OPTIONS engine/default/filter 200",
                "GET engine/default/filter?firstResult=0&maxResults=2000&itemCount=false&resourceType=Task 200",
                "POST engine/default/filter/…/list?firstResult=0&maxResults=15 200");
        assertNothingWrittenOrLeftBehind(filters, grants, operations, sessions);
        // the log names nobody
        assertThat(String.join(" ", done)).doesNotContain("head", personalFilters.myTasksOf("head").getId());
    }

    @Test
    void someoneWhoHasNeverLoggedInHasTheirTasksAskedForDirectly() throws Exception {
        long filters = engine.getFilterService().createFilterQuery().count();
        long grants = engine.getAuthorizationService().createAuthorizationQuery().count();
        long operations = engine.getHistoryService().createUserOperationLogQuery().count();
        int sessions = activeSessions();

        var done = warmUp.answerTasklistsFirstRequests(tomcat(), "deputy", null);

        assertThat(done).hasSize(6).allSatisfy(line -> assertThat(line).endsWith(" 200"));
        assertThat(done.get(5)).isEqualTo("POST engine/default/task?firstResult=0&maxResults=15 200");
        assertNothingWrittenOrLeftBehind(filters, grants, operations, sessions);
    }

    @Test
    void nobodyKnownToTheEngineIsNobodyToWarmUpAs() throws Exception {
        assertThat(warmUp.answerTasklistsFirstRequests(tomcat(), "no.such.person", null))
                .containsExactly("nobody to warm up as");
        assertThat(engine.getIdentityService().getCurrentAuthentication()).isNull();
    }

    private void assertNothingWrittenOrLeftBehind(long filters, long grants, long operations, int sessions) {
        assertThat(engine.getFilterService().createFilterQuery().count()).isEqualTo(filters);
        assertThat(engine.getAuthorizationService().createAuthorizationQuery().count()).isEqualTo(grants);
        assertThat(engine.getHistoryService().createUserOperationLogQuery().count()).isEqualTo(operations);
        // no login kept anywhere: no session, and the engine and the webapps know nobody on this thread
        assertThat(activeSessions()).isEqualTo(sessions);
        assertThat(engine.getIdentityService().getCurrentAuthentication()).isNull();
        assertThat(Authentications.getCurrent()).isNull();
    }

    private TomcatWebServer tomcat() {
        return (TomcatWebServer) web.getWebServer();
    }

    private int activeSessions() {
        return ((Context) tomcat().getTomcat().getHost().findChildren()[0]).getManager().getActiveSessions();
    }
}

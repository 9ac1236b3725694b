package org.reviewcycle.tasklist;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.catalina.Wrapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.servlet.ServletContainer;
import org.reviewcycle.security.PersonalTaskFilters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.ws.rs.core.SecurityContext;

/**
 * The first login after a start took one and a half to two seconds longer than the next, most of it
 * on the server: the task list shows each task's form, which the engine reads from the task's
 * process definition, and Camunda keeps parsed definitions in memory only, so the first read of a
 * school's cycle parsed its BPMN while the person waited (1.6 s on the benchmark machine); and the
 * code behind the login and Tasklist's first requests (the webapps' engine API, its JSON and HAL
 * answers, the engine's queries with their authorization checks) ran for the first time.
 *
 * <p>So, once the application is ready, on a thread of its own so that the start is not held up:
 * every process definition with reviews running is parsed, newest first; then, as someone who has
 * logged in before (the owner of a "My tasks" filter), or else someone with a task, what the login
 * does is done (their webapps' login worked out, the password check run with a password that is none,
 * their landing page found) and Tasklist's first requests are answered in memory, through the
 * webapps' own engine API (no HTTP, no session, no cookie), with the engine authenticated as that
 * person as the webapps would, and the answers thrown away. All of it only reads; the log names
 * nobody. A login meanwhile does what it needs itself, as before. Off with
 * {@code reviewcycle.warm-up.first-login=false}.
 */
@Component
class FirstLoginWarmUp {

    static final String ENGINE_API = "org.camunda.bpm.webapp.impl.engine.EngineRestApplication";
    private static final String HAL = "application/hal+json, application/json; q=0.5";
    /** What Tasklist posts for the first page of a filter's tasks (Tasklist 7.24, "My tasks" soonest due first). */
    private static final String FIRST_PAGE = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
            + "\"firstResult\":0,\"maxResults\":15,\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}],"
            + "\"active\":true}";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger log = LoggerFactory.getLogger(FirstLoginWarmUp.class);

    private final ProcessEngine engine;
    private final PersonalTaskFilters personalFilters;
    private final UserDetailsService logins;
    private final PasswordEncoder passwords;
    private final boolean enabled;

    FirstLoginWarmUp(ProcessEngine engine, PersonalTaskFilters personalFilters, UserDetailsService logins,
            PasswordEncoder passwords, @Value("${reviewcycle.warm-up.first-login:true}") boolean enabled) {
        this.engine = engine;
        this.personalFilters = personalFilters;
        this.logins = logins;
        this.passwords = passwords;
        this.enabled = enabled;
    }

    @EventListener
    void startInTheBackground(ApplicationReadyEvent ready) {
        if (!enabled || !(ready.getApplicationContext() instanceof ServletWebServerApplicationContext web)
                || !(web.getWebServer() instanceof TomcatWebServer tomcat)) {
            return;
        }
        var thread = new Thread(() -> warmUp(tomcat), "reviewcycle-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** What was done, one line each, for the log and the test. */
    List<String> warmUp(TomcatWebServer tomcat) {
        long start = System.nanoTime();
        var done = new ArrayList<String>();
        try {
            done.add("parsed " + parseRunningDefinitions() + " process definitions");
            // someone who has logged in before (their "My tasks" filter), or else someone with a task
            Filter someonesList = engine.getFilterService().createFilterQuery()
                    .filterName(PersonalTaskFilters.MY_TASKS).listPage(0, 1).stream().findFirst().orElse(null);
            String person = someonesList != null ? someonesList.getOwner()
                    : engine.getTaskService().createTaskQuery().active().taskAssigned().listPage(0, 1).stream()
                            .findFirst().map(Task::getAssignee).orElse(null);
            if (person != null) {
                done.addAll(answerTasklistsFirstRequests(tomcat, person, someonesList));
            }
            log.info("Ready for the first login in {} ms: {}", (System.nanoTime() - start) / 1_000_000, done);
        } catch (RuntimeException | ServletException e) {
            // the application stopping meanwhile, or data changing under it: the first login does
            // what is left itself, as it would have without the warm-up
            log.info("Warm-up for the first login stopped after {}: {}", done, e.toString());
        }
        return done;
    }

    private int parseRunningDefinitions() {
        int parsed = 0;
        var repository = engine.getRepositoryService();
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().active().orderByDeploymentTime()
                .desc().list()) {
            if (engine.getRuntimeService().createProcessInstanceQuery().processDefinitionId(definition.getId())
                    .count() > 0) {
                // the engine's own read of a deployed definition: parsed and kept in its deployment cache
                repository.getProcessDefinition(definition.getId());
                parsed++;
            }
        }
        return parsed;
    }

    /**
     * Tasklist's first requests after the person's login, answered and thrown away; their "My tasks"
     * when given, else the same tasks asked for directly. What each was answered, for the log: no
     * usernames or ids.
     */
    List<String> answerTasklistsFirstRequests(TomcatWebServer tomcat, String person, Filter list)
            throws ServletException {
        Wrapper servlet = WebappWarmUp.jerseyServlets(tomcat).stream()
                .filter(s -> ENGINE_API.equals(s.findInitParameter("jakarta.ws.rs.Application"))).findFirst()
                .orElseThrow(() -> new IllegalStateException("no webapps' engine API"));
        String mapping = servlet.findMappings()[0]; // /camunda/api/engine/*
        URI base = URI.create("http://localhost" + servlet.getParent().getName()
                + mapping.substring(0, mapping.length() - 1));
        Servlet jersey = servlet.allocate();
        var identity = engine.getIdentityService();
        try {
            // what the login works out, checks (a password that is none: the check runs, and fails, as it
            // would for a typo), and where it sends the person
            var login = AuthenticationUtil.createAuthentication(engine, person);
            if (login == null) {
                return List.of("nobody to warm up as");
            }
            try {
                passwords.matches("", logins.loadUserByUsername(person).getPassword());
            } catch (UsernameNotFoundException noPasswordYet) {
                // imported from the MIS and not yet given a password: the rest is the same for them
            }
            personalFilters.landingOf(person);
            // what Camunda's AuthenticationFilter sets for each of the person's requests to the webapps
            var webappLogins = new Authentications();
            webappLogins.addOrReplace(login);
            Authentications.setCurrent(webappLogins);
            identity.setAuthentication(person, login.getGroupIds(), login.getTenantIds());
            var api = ((ServletContainer) jersey).getApplicationHandler();
            String engineName = "engine/" + engine.getName();
            return List.of(
                    answer(api, base, "GET", "engine/", "application/json", null),
                    answer(api, base, "GET", engineName + "/user/"
                            + URLEncoder.encode(person, StandardCharsets.UTF_8).replace("+", "%20") + "/profile", HAL, null),
                    answer(api, base, "GET", engineName + "/filter/count?itemCount=false&resourceType=Task", HAL, null),
                    answer(api, base, "OPTIONS", engineName + "/filter", "application/json", null),
                    answer(api, base, "GET",
                            engineName + "/filter?firstResult=0&maxResults=2000&itemCount=false&resourceType=Task", HAL,
                            null),
                    list != null
                            ? answer(api, base, "POST",
                                    engineName + "/filter/" + list.getId() + "/list?firstResult=0&maxResults=15", HAL,
                                    FIRST_PAGE)
                            // the same tasks as the person's "My tasks" will show, asked for directly
                            : answer(api, base, "POST", engineName + "/task?firstResult=0&maxResults=15", HAL,
                                    myTasksQuery(person)));
        } finally {
            identity.clearAuthentication();
            Authentications.clearCurrent();
            servlet.deallocate(jersey);
        }
    }

    private static String myTasksQuery(String person) {
        try {
            ObjectNode query = (ObjectNode) JSON.readTree(FIRST_PAGE);
            query.putArray("orQueries").addObject().put("assignee", person).put("candidateUser", person);
            return JSON.writeValueAsString(query);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One request answered by the Jersey application in memory; the answer is thrown away. */
    private static String answer(ApplicationHandler api, URI base, String method, String path, String accept,
            String json) {
        var request = new ContainerRequest(base, base.resolve(path), method, NOBODY, new MapPropertiesDelegate(),
                api.getConfiguration());
        request.header("Accept", accept);
        if (json != null) {
            request.header("Content-Type", "application/json");
            request.setEntityStream(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            int status = api.apply(request, OutputStream.nullOutputStream()).get().getStatus();
            // no ids or usernames in the log
            return method + " " + path.replaceAll("/user/[^/]+/", "/user/…/").replaceAll("/filter/[^/]+/list",
                    "/filter/…/list") + " " + status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Jersey's view of who asks: nobody it knows of; the engine's authentication says who. */
    private static final SecurityContext NOBODY = new SecurityContext() {
        @Override
        public Principal getUserPrincipal() {
            return null;
        }

        @Override
        public boolean isUserInRole(String role) {
            return false;
        }

        @Override
        public boolean isSecure() {
            return false;
        }

        @Override
        public String getAuthenticationScheme() {
            return null;
        }
    };
}

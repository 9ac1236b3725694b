package org.reviewcycle.tasklist;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.catalina.Wrapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.management.ProcessDefinitionStatistics;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.servlet.ServletContainer;
import org.reviewcycle.security.PersonalTaskFilters;
import org.reviewcycle.security.ThrottledAuthenticationProvider;
import org.reviewcycle.staff.EngineGroups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
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
 * every process definition with reviews running is parsed (up to {@value #MOST_TO_PARSE}); then, as a
 * member of staff like most (who has logged in before, or else has a task; no administrator, whom the
 * engine checks less), what the login does is done (the password check run with a password that is
 * none, uncounted: its first run also hashes the stand-in password Spring's check compares with for
 * names nobody has, 70 ms the first login no longer waits for; their landing page found) and
 * Tasklist's first requests are answered in memory, through the webapps' own engine API (no HTTP,
 * no session, no cookie), with the engine authenticated as that person as the webapps would, and the
 * answers thrown away. The login's part and those requests are done ten times over
 * ({@code reviewcycle.warm-up.first-login-rounds}, at least once): run once, their code is loaded but
 * mostly still interpreted; ten rounds (about 1.5 s more, on this thread) have more of it compiled
 * before anyone waits (in the benchmark, interleaved runs: p95 965 ms on average over twelve runs,
 * against 1063 ms over thirteen with one round; likely, not certain, as the runs spread widely). All
 * of it only reads; the log names nobody. A login meanwhile does what it needs itself, as before; the
 * application stopping stops it. Off with {@code reviewcycle.warm-up.first-login=false}.
 */
@Component
class FirstLoginWarmUp {

    private static final String HAL = "application/hal+json, application/json; q=0.5";
    /** What Tasklist posts for the first page of a filter's tasks (Tasklist 7.24, "My tasks" soonest due first). */
    private static final String FIRST_PAGE = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
            + "\"firstResult\":0,\"maxResults\":15,\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}],"
            + "\"active\":true}";
    /**
     * At most half of what Camunda's deployment cache holds by default (1000 definitions, the least
     * recently used dropped first), leaving the rest to what people open: a trust of 250 schools runs
     * one cycle each, two while a changed cycle replaces an old one.
     */
    private static final int MOST_TO_PARSE = 500;
    /** How many people are looked at to find one like most staff. */
    private static final int CANDIDATES = 50;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger log = LoggerFactory.getLogger(FirstLoginWarmUp.class);

    private final ProcessEngine engine;
    private final PersonalTaskFilters personalFilters;
    private final ThrottledAuthenticationProvider passwordCheck;
    private final boolean enabled;
    private final int rounds;
    private volatile boolean stopping;
    private volatile Thread thread;

    FirstLoginWarmUp(ProcessEngine engine, PersonalTaskFilters personalFilters,
            ThrottledAuthenticationProvider passwordCheck, @Value("${reviewcycle.warm-up.first-login:true}") boolean enabled,
            @Value("${reviewcycle.warm-up.first-login-rounds:10}") int rounds) {
        this.engine = engine;
        this.personalFilters = personalFilters;
        this.passwordCheck = passwordCheck;
        this.enabled = enabled;
        this.rounds = rounds;
    }

    @EventListener
    void startInTheBackground(ApplicationReadyEvent ready) {
        if (!enabled || !(ready.getApplicationContext() instanceof ServletWebServerApplicationContext web)
                || !(web.getWebServer() instanceof TomcatWebServer tomcat)) {
            return;
        }
        var thread = new Thread(() -> warmUp(tomcat), "reviewcycle-warm-up");
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) -> log.warn("Warm-up for the first login failed: {}",
                e.getClass().getName()));
        this.thread = thread;
        thread.start();
    }

    /** The application stopping: the warm-up stops at its next step instead of working against a closing engine. */
    @PreDestroy
    void stop() {
        stopping = true;
        Thread running = thread;
        if (running != null) {
            running.interrupt();
        }
    }

    /** What was done, one line each, for the log and the test. */
    List<String> warmUp(TomcatWebServer tomcat) {
        long start = System.nanoTime();
        var done = new ArrayList<String>();
        try {
            done.add("parsed " + parseRunningDefinitions() + " process definitions");
            Optional<Person> someone = someoneLikeMostStaff();
            if (someone.isPresent()) {
                answerTasklistsFirstRequests(tomcat, someone.get()).forEach(answer -> done.add(answer.line()));
                int round = 1;
                while (round < rounds && !stopping) {
                    answerTasklistsFirstRequests(tomcat, someone.get());
                    round++;
                }
                done.add("the login and Tasklist's first requests done " + round + (round == 1 ? " time" : " times"));
            } else {
                done.add("nobody to warm up as");
            }
            log.info("Ready for the first login in {} ms: {}", (System.nanoTime() - start) / 1_000_000, done);
        } catch (RuntimeException | ServletException e) {
            if (stopping) {
                log.info("Warm-up for the first login stopped with the application after: {}", done);
            } else {
                // by class alone: an engine message may name people; the first login does what is left itself
                log.warn("Warm-up for the first login failed after {}: {}", done, e.getClass().getName());
            }
        }
        return done;
    }

    /**
     * Parses every process definition with process instances running, up to {@value #MOST_TO_PARSE} (the
     * newest of them, parsed oldest first, so that the cache keeps the newest longest); a definition
     * that cannot be parsed (deleted meanwhile) is left to its first use.
     *
     * @return how many were parsed
     */
    int parseRunningDefinitions() {
        // one query: the definitions with instances running, with their counts
        List<ProcessDefinitionStatistics> running = engine.getManagementService()
                .createProcessDefinitionStatisticsQuery().list().stream().filter(d -> d.getInstances() > 0)
                .sorted(Comparator.comparing(ProcessDefinitionStatistics::getVersion)).toList();
        List<ProcessDefinitionStatistics> toParse = running.subList(Math.max(0, running.size() - MOST_TO_PARSE),
                running.size());
        int parsed = 0;
        for (ProcessDefinitionStatistics definition : toParse) {
            if (stopping) {
                break;
            }
            try {
                // the engine's own read of a deployed definition: parsed and kept in its deployment cache
                engine.getRepositoryService().getProcessDefinition(definition.getId());
                parsed++;
            } catch (ProcessEngineException gone) {
                // deleted meanwhile, or unreadable: its first use reports it, as without the warm-up
            }
        }
        return parsed;
    }

    /** Someone the webapps' login knows: a member of staff, not an admin (the engine checks admins less). */
    record Person(String username, UserAuthentication login) {
    }

    /**
     * Someone who has logged in before (the owner of a "My tasks" filter), or else someone with a task, who
     * is still a member of staff and no administrator: whose requests take the path most people's do.
     */
    Optional<Person> someoneLikeMostStaff() {
        var owners = engine.getFilterService().createFilterQuery().filterName(PersonalTaskFilters.MY_TASKS)
                .listPage(0, CANDIDATES).stream().map(Filter::getOwner);
        var assignees = engine.getTaskService().createTaskQuery().active().taskAssigned().listPage(0, CANDIDATES)
                .stream().map(Task::getAssignee);
        return Stream.concat(owners, assignees).distinct().map(this::asPerson).flatMap(Optional::stream).findFirst();
    }

    Optional<Person> asPerson(String username) {
        var login = username == null ? null : AuthenticationUtil.createAuthentication(engine, username);
        if (login == null || !login.getGroupIds().contains(EngineGroups.STAFF)
                || login.getGroupIds().contains(EngineGroups.ADMINS)
                || login.getGroupIds().contains(EngineGroups.TRUST_ADMINS)) {
            return Optional.empty();
        }
        return Optional.of(new Person(username, login));
    }

    /** One answer of the webapps' engine API: the line for the log (no usernames or ids) and its body. */
    record Answer(String line, String body) {
    }

    /**
     * Tasklist's first requests after the person's login, answered in memory; their "My tasks" when they
     * have one, else the same tasks asked for directly.
     */
    List<Answer> answerTasklistsFirstRequests(TomcatWebServer tomcat, Person person) throws ServletException {
        Wrapper servlet = WebappWarmUp.jerseyServlets(tomcat).stream()
                .filter(s -> WebappWarmUp.ENGINE_API.equals(s.findInitParameter(WebappWarmUp.APPLICATION))).findFirst()
                .orElseThrow(() -> new IllegalStateException("no webapps' engine API"));
        String mapping = servlet.findMappings()[0]; // /camunda/api/engine/*
        URI base = URI.create("http://localhost" + servlet.getParent().getName()
                + mapping.substring(0, mapping.length() - 1));
        String username = person.username();
        Filter list = engine.getFilterService().createFilterQuery().filterName(PersonalTaskFilters.MY_TASKS)
                .filterOwner(username).listPage(0, 1).stream().findFirst().orElse(null);
        Servlet jersey = servlet.allocate();
        var identity = engine.getIdentityService();
        try {
            // what the login checks (a password that is none: the check runs, and fails, as for a typo; not
            // counted) and where it sends the person
            passwordCheck.rehearse(username);
            personalFilters.landingOf(username);
            // what Camunda's AuthenticationFilter sets for each of the person's requests to the webapps
            var webappLogins = new Authentications();
            webappLogins.addOrReplace(person.login());
            Authentications.setCurrent(webappLogins);
            identity.setAuthentication(username, person.login().getGroupIds(), person.login().getTenantIds());
            var api = ((ServletContainer) jersey).getApplicationHandler();
            String engineName = "engine/" + engine.getName();
            return List.of(
                    answer(api, base, "GET", "engine/", "application/json", null),
                    answer(api, base, "GET", engineName + "/user/"
                            + URLEncoder.encode(username, StandardCharsets.UTF_8).replace("+", "%20") + "/profile", HAL,
                            null),
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
                                    myTasksQuery(username)));
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

    /** One request answered by the Jersey application in memory. */
    private Answer answer(ApplicationHandler api, URI base, String method, String path, String accept, String json) {
        if (stopping) {
            throw new IllegalStateException("stopping");
        }
        var request = new ContainerRequest(base, base.resolve(path), method, NOBODY, new MapPropertiesDelegate(),
                api.getConfiguration());
        request.header("Accept", accept);
        if (json != null) {
            request.header("Content-Type", "application/json");
            request.setEntityStream(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        }
        var body = new ByteArrayOutputStream();
        try {
            int status = api.apply(request, body).get().getStatus();
            // no ids or usernames in the log
            return new Answer(method + " " + path.replaceAll("/user/[^/]+/", "/user/…/").replaceAll("/filter/[^/]+/list",
                    "/filter/…/list") + " " + status, body.toString(StandardCharsets.UTF_8));
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

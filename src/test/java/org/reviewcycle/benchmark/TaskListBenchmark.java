package org.reviewcycle.benchmark;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.reviewcycle.process.AnnualReviewCycleProcess;
import org.reviewcycle.security.PersonalTaskFilters;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.GeneratedTrust;
import org.reviewcycle.support.ReviewDriver;
import org.reviewcycle.support.WebSession;

/**
 * A head's Tasklist: the page Tasklist asks for when the head opens "My tasks" (the filter's first
 * page of fifteen with its count, as HAL, sorted by creation, through the webapp's API with the
 * head's login, authorization checks on), timed as the browser would see it. Beside it the bare
 * engine's query for the same tasks: assigned to the head or offered to the head's groups, first
 * page and count, through TaskService with the head's authentication.
 */
final class TaskListBenchmark {

    static final int PAGE = 15;
    static final int REPEATS = 200;
    /** Fewer repeats where one takes long (H2 at 100,000 open tasks): at least this many, within the time below. */
    static final int MIN_REPEATS = 20;
    static final long MAX_MEASURE_NANOS = 60_000_000_000L;

    private final BenchmarkApplication app;
    private final TaskService tasks;
    private final FormService forms;
    private final IdentityService identity;
    private final StaffService staff;

    TaskListBenchmark(BenchmarkApplication app) {
        this.app = app;
        this.tasks = app.bean(TaskService.class);
        this.forms = app.bean(FormService.class);
        this.identity = app.bean(IdentityService.class);
        this.staff = app.bean(StaffService.class);
    }

    /**
     * Brings {@code count} reviews of the school to the head's approval (self-reflection and
     * planning meeting done), so that the head has real work offered to them.
     */
    void giveTheHeadWork(GeneratedTrust.School school, int count) {
        int given = 0;
        for (var entry : school.revieweesByLeader().entrySet()) {
            for (String reviewee : entry.getValue()) {
                if (given == count) {
                    return;
                }
                Task reflection = tasks.createTaskQuery().taskAssignee(reviewee)
                        .taskDefinitionKey(AnnualReviewCycleProcess.Elements.SELF_REFLECTION).singleResult();
                submitAs(reviewee, reflection, ReviewDriver.values("strengths", "Questioning"));
                Task planning = tasks.createTaskQuery().processInstanceId(reflection.getProcessInstanceId()).singleResult();
                submitAs(entry.getKey(), planning, ReviewDriver.values("objectives", ReviewDriver.objectives(
                        ReviewDriver.objective("To raise attainment in writing in Year " + (given % 6 + 1), "W1", false))));
                given++;
            }
        }
    }

    BenchmarkFigures.TaskList measure(GeneratedTrust.School school) {
        String head = school.head();
        List<String> groups = staff.groupIdsOf(head);
        Filter myTasks = app.bean(PersonalTaskFilters.class).myTasksOf(head);
        var tasklist = WebSession.loggedIn(app.port(), head, GeneratedTrust.PASSWORD).openTasklist();
        String page = "/camunda/api/engine/engine/default/filter/" + myTasks.getId() + "/list?firstResult=0&maxResults="
                + PAGE;
        // what Tasklist sends for "My tasks", page one (its taskListQuery)
        String body = """
                {"processVariables":[],"taskVariables":[],"caseInstanceVariables":[],"firstResult":0,
                 "maxResults":%d,"sorting":[{"sortBy":"created","sortOrder":"desc"}],"active":true}""".formatted(PAGE);
        int headsTasks = Math.toIntExact(bareQuery(head, groups).count());
        for (int i = 0; i < 5; i++) { // warm up both
            tasklistPage(tasklist, page, body, headsTasks);
            bare(head, groups);
        }
        var ours = new ArrayList<Long>();
        var bare = new ArrayList<Long>();
        long oursWall = 0;
        long bareWall = 0;
        var before = app.writes().snapshot();
        long until = System.nanoTime() + MAX_MEASURE_NANOS;
        int repeats = 0;
        for (; repeats < REPEATS && (repeats < MIN_REPEATS || System.nanoTime() < until); repeats++) {
            long start = System.nanoTime();
            tasklistPage(tasklist, page, body, headsTasks);
            long took = System.nanoTime() - start;
            ours.add(took);
            oursWall += took;
            start = System.nanoTime();
            bare(head, groups);
            took = System.nanoTime() - start;
            bare.add(took);
            bareWall += took;
        }
        long openTasks = tasks.createTaskQuery().count();
        var written = app.writes().snapshot().since(before);
        return new BenchmarkFigures.TaskList(openTasks, headsTasks,
                BenchmarkFigures.Latencies.of(ours, oursWall, 0, (double) written.rows() / repeats,
                        (double) written.queries() / repeats),
                BenchmarkFigures.Latencies.of(bare, bareWall, 0, 0, 0));
    }

    private static void tasklistPage(WebSession tasklist, String page, String body, int expected) {
        var response = tasklist.postJson(page, body, "application/hal+json, application/json; q=0.5");
        if (response.statusCode() != 200 || !response.body().contains("\"count\":" + expected)) {
            throw new IllegalStateException("Tasklist's page of the head's tasks: " + response.statusCode() + " "
                    + response.body().substring(0, Math.min(300, response.body().length())));
        }
    }

    private void bare(String head, List<String> groups) {
        identity.setAuthentication(head, groups);
        try {
            TaskQuery query = bareQuery(head, groups);
            query.listPage(0, PAGE);
            query.count();
        } finally {
            identity.clearAuthentication();
        }
    }

    private TaskQuery bareQuery(String head, List<String> groups) {
        return tasks.createTaskQuery().or().taskAssignee(head).taskCandidateUser(head).taskCandidateGroupIn(groups)
                .endOr().active().orderByTaskCreateTime().desc();
    }

    private void submitAs(String username, Task task, java.util.Map<String, Object> values) {
        identity.setAuthentication(username, staff.groupIdsOf(username), staff.tenantIdsOf(username));
        try {
            forms.submitTaskForm(task.getId(), values);
        } finally {
            identity.clearAuthentication();
        }
    }
}

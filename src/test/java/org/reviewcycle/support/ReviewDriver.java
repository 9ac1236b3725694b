package org.reviewcycle.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.reviewcycle.process.AnnualReviewCycleProcess;
import org.reviewcycle.staff.StaffService;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Does the steps of one review through the engine's Java API as the people themselves (their
 * groups, the engine's authorization checks), submitting values the way Tasklist does: through
 * the form service, with lists as Json.
 */
public final class ReviewDriver {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TaskService tasks;
    private final FormService forms;
    private final IdentityService identity;
    private final ManagementService management;
    private final RuntimeService runtime;
    private final StaffService staff;
    private final String processInstanceId;

    public ReviewDriver(TaskService tasks, FormService forms, IdentityService identity, ManagementService management,
            RuntimeService runtime, StaffService staff, String processInstanceId) {
        this.tasks = tasks;
        this.forms = forms;
        this.identity = identity;
        this.management = management;
        this.runtime = runtime;
        this.staff = staff;
        this.processInstanceId = processInstanceId;
    }

    /** The one open task of this review, as the engine (no user) sees it. */
    public Task openTask() {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    }

    public String openTaskKey() {
        Task task = openTask();
        return task == null ? null : task.getTaskDefinitionKey();
    }

    /** Submits the open task's form as {@code username}, claiming it first when it is offered to a group. */
    public void submit(String username, Map<String, Object> values) {
        Task task = openTask();
        if (task == null) {
            throw new AssertionError("Review " + processInstanceId + " has no open task");
        }
        identity.setAuthentication(username, staff.groupIdsOf(username), staff.tenantIdsOf(username));
        try {
            if (task.getAssignee() == null) {
                tasks.claim(task.getId(), username);
            }
            forms.submitTaskForm(task.getId(), values);
        } finally {
            identity.clearAuthentication();
        }
    }

    /** Fires the timer the review waits at (the mid-year or final review date, long before it comes). */
    public void fireTimer() {
        Job job = AnnualReviewCycleProcess.waitingTimer(management, processInstanceId);
        if (job == null) {
            throw new AssertionError("Review " + processInstanceId + " waits at no timer");
        }
        management.executeJob(job.getId());
    }

    /**
     * The final reviews open (the timer the review waits at) and the reviewee writes their
     * self-review (Task_SelfReview), something achieved against every objective with its evidence:
     * the final review is next.
     */
    public void writeSelfReview() {
        fireTimer();
        Task task = openTask();
        if (task == null || !"Task_SelfReview".equals(task.getTaskDefinitionKey())) {
            throw new AssertionError("Review " + processInstanceId + " is not at the self-review but at "
                    + (task == null ? "no task" : task.getTaskDefinitionKey()));
        }
        List<Map<String, Object>> entries = rows(taskVariables().get("selfReview"));
        entries.forEach(entry -> {
            entry.put("achieved", "Met the success criteria of objective " + entry.get("position"));
            entry.put("evidence", "Pupils' work for objective " + entry.get("position"));
        });
        submit(task.getAssignee(), values("selfReview", json(entries), "overall", "A good year"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Object jsonVariable) {
        try {
            return JSON.readValue(String.valueOf(jsonVariable), List.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Not a JSON list: " + jsonVariable, e);
        }
    }

    public boolean ended() {
        return runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0;
    }

    public Object variable(String name) {
        return runtime.getVariable(processInstanceId, name);
    }

    public Map<String, Object> taskVariables() {
        return tasks.getVariablesLocal(openTask().getId());
    }

    public static Object json(Object value) {
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, Object> values(Object... keysAndValues) {
        var map = new HashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    public static Map<String, Object> objective(String title, String priority, boolean joint) {
        return values("title", title, "priorityCode", priority,
                "successCriteria", "Scrutiny shows most pupils reach their writing targets",
                "evidence", "Pupils' books, moderation notes", "cpdSupport", "Coaching from the literacy lead",
                "joint", joint);
    }

    public static Object objectives(Map<?, ?>... objectives) {
        return json(List.of(objectives));
    }
}

package org.reviewcycle.tasklist;

import java.security.Principal;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.reviewcycle.common.NotFoundException;
import org.reviewcycle.staff.StaffService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The link in every email about a step, /steps/{taskId}: after logging in (Spring Security brings them back
 * here), the step's person lands on it in Tasklist. A step that is theirs to claim (offered to a group they
 * are in) opens too. A step they did that is done says so, with when; anything else, including someone
 * else's step, is "not in your task list", without saying whose it is or what it is.
 */
@Controller
class StepLinks {

    /** Tasklist opens a task from this address followed by the task's id. */
    static final String TASKLIST_TASK = "/camunda/app/tasklist/default/#/?task=";

    private final TaskService tasks;
    private final HistoryService history;
    private final StaffService staff;

    StepLinks(TaskService tasks, HistoryService history, StaffService staff) {
        this.tasks = tasks;
        this.history = history;
        this.staff = staff;
    }

    @GetMapping("/steps/{taskId}")
    String step(@PathVariable String taskId, Principal principal, Model model) {
        String me = principal.getName();
        Task open = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (open != null && isFor(open, me)) {
            return "redirect:" + TASKLIST_TASK + open.getId();
        }
        HistoricTaskInstance done = open != null ? null
                : history.createHistoricTaskInstanceQuery().taskId(taskId).finished().singleResult();
        if (done != null && me.equals(done.getAssignee())) {
            model.addAttribute("step", done.getName());
            model.addAttribute("doneOn", done.getEndTime());
            // done by its person, or closed without them (its deadline passed, the review ended)
            model.addAttribute("completed", "completed".equals(done.getDeleteReason()));
            return "tasklist/step-done";
        }
        throw new NotFoundException("That step is not in your task list. It may have been given to someone else, "
                + "or the link may be incomplete: open My tasks to see everything that is yours.");
    }

    private boolean isFor(Task task, String me) {
        if (task.getAssignee() != null) {
            return me.equals(task.getAssignee());
        }
        List<String> myGroups = staff.groupIdsOf(me);
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .anyMatch(link -> me.equals(link.getUserId()) || myGroups.contains(link.getGroupId()));
    }
}

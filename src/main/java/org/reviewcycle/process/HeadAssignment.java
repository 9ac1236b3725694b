package org.reviewcycle.process;

import static org.reviewcycle.process.AnnualReviewCycleProcess.Variables;

import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;
import org.reviewcycle.review.ReviewFacts;
import org.reviewcycle.staff.EngineGroups;
import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffService;
import org.springframework.stereotype.Component;

/**
 * Who does the head's tasks (Task_ApproveObjectives, Task_RespondToObjectivesDisagreement,
 * Task_RespondToFinalReviewDisagreement, Task_HeadSignOff), decided by their create
 * listeners when the task is made: the school's head, as assignee, so that the task is in their list
 * ready to work on, without a Claim. With no head (the post vacant) or several (co-heads), the task
 * is offered to the school's heads' group (process variable {@code headGroup}) instead: any of them
 * may claim it, and an admin sees it in "All tasks". Looked up each time, so a head who starts
 * mid-year gets the work still to come. The model names no assignee or group on these tasks: a
 * group named there could not be taken off the task again in its create listener (the engine looks
 * for the link in the database, where the new task's links are not yet written).
 */
@Component
class HeadAssignment {

    private final StaffService staff;

    HeadAssignment(StaffService staff) {
        this.staff = staff;
    }

    /**
     * A task of the school that its assignee can no longer do (they moved to another school) goes where a new
     * head's task would go now: to the school's head, or offered to its heads' group.
     */
    void handOn(TaskService tasks, Task task, long schoolId, String schoolCode) {
        List<StaffMember> heads = staff.headsOf(schoolId);
        if (heads.size() == 1) {
            tasks.setAssignee(task.getId(), heads.get(0).username());
        } else {
            tasks.setAssignee(task.getId(), null);
            tasks.addCandidateGroup(task.getId(), EngineGroups.headOf(schoolCode));
        }
    }

    void assign(DelegateTask task, ReviewFacts facts) {
        List<StaffMember> heads = staff.headsOf(facts.school().id());
        if (heads.size() == 1) {
            task.setAssignee(heads.get(0).username());
        } else {
            task.addCandidateGroup((String) task.getExecution().getVariable(Variables.HEAD_GROUP));
        }
    }
}

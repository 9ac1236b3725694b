package org.reviewcycle.process;

import static org.reviewcycle.process.AnnualReviewCycleProcess.Variables;

import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.reviewcycle.notification.StepDue;
import org.reviewcycle.review.ReviewFacts;
import org.springframework.stereotype.Component;

/**
 * The open steps a reminder or escalation timer is about: the open tasks, with a due date, of the user task its
 * boundary event is attached to, in the timer's own review (the review's school, for the email, is the one
 * whose process it is: a timer never writes about another review).
 */
@Component
class OpenSteps {

    /** A step has one task open at a time (a multi-instance step, one per instance): a bound for the query. */
    static final int MOST_AT_ONCE = 50;

    private final TaskService tasks;
    private final ReviewForms forms;

    OpenSteps(TaskService tasks, ReviewForms forms) {
        this.tasks = tasks;
        this.forms = forms;
    }

    List<StepDue> of(DelegateExecution execution) {
        ReviewFacts facts = forms.facts(((Number) execution.getVariable(Variables.REVIEW_ID)).longValue());
        if (!execution.getProcessInstanceId().equals(facts.review().processInstanceId())) {
            throw new IllegalStateException("Process " + execution.getProcessInstanceId() + " is not the process of review "
                    + facts.review().id());
        }
        return tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(StepReminders.userTaskOf(execution)).listPage(0, MOST_AT_ONCE).stream()
                .filter(task -> task.getDueDate() != null)
                .map(task -> new StepDue(facts.school().id(), facts.school().name(), task.getId(), task.getName(),
                        task.getDueDate(), task.getAssignee(), task.getCreateTime()))
                .toList();
    }
}

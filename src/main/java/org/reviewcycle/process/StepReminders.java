package org.reviewcycle.process;

import java.util.Collection;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.reviewcycle.notification.Reminders;
import org.reviewcycle.review.ReviewFacts;
import org.springframework.stereotype.Component;

import static org.reviewcycle.process.AnnualReviewCycleProcess.Variables;

/**
 * When the two timers on every user task fire, as the model asks it:
 * {@code ${stepReminders.reminders(execution)}} (the reminders before the due date and on it) and
 * {@code ${stepReminders.escalations(execution)}} (the line manager, then the head, told of an overdue step).
 * Both are non-interrupting boundary timers with a time cycle; when they fire, the model's message end events
 * call {@link RemindBeforeDueDelegate} and {@link TellWhenOverdueDelegate}. The dates come from the school's
 * settings and the step's due date; what to write, and to whom, is the notification feature's
 * ({@link Reminders}). Allowed in models by the deploy gate's allowlist.
 */
@Component("stepReminders")
public class StepReminders {

    private final Reminders reminders;
    private final ReviewSchedule schedule;
    private final ReviewForms forms;

    StepReminders(Reminders reminders, ReviewSchedule schedule, ReviewForms forms) {
        this.reminders = reminders;
        this.schedule = schedule;
        this.forms = forms;
    }

    public String reminders(DelegateExecution execution) {
        return reminders.reminderCycle(dueDateOf(execution));
    }

    public String escalations(DelegateExecution execution) {
        return reminders.escalationCycle(schoolOf(execution).school().id(), dueDateOf(execution));
    }

    private ReviewFacts schoolOf(DelegateExecution execution) {
        return forms.facts(((Number) execution.getVariable(Variables.REVIEW_ID)).longValue());
    }

    private Date dueDateOf(DelegateExecution execution) {
        return schedule.dueDate(execution, userTaskOf(execution));
    }

    /**
     * The user task a reminder or escalation is about: the task a boundary timer is attached to, found from the
     * timer itself or from the element its flow leads to (the end event whose delegate sends the email).
     */
    static String userTaskOf(DelegateExecution execution) {
        FlowElement element = execution.getBpmnModelElementInstance();
        for (int hops = 0; hops < 5 && element != null; hops++) {
            if (element instanceof org.camunda.bpm.model.bpmn.instance.UserTask) {
                return element.getId();
            }
            if (element instanceof BoundaryEvent boundary) {
                return boundary.getAttachedTo().getId();
            }
            if (!(element instanceof FlowNode node)) {
                break;
            }
            Collection<SequenceFlow> incoming = node.getIncoming();
            if (incoming.size() != 1) {
                break;
            }
            element = incoming.iterator().next().getSource();
        }
        // a multi-instance step's timers are on its body ("Task_LessonObservation#multiInstanceBody")
        String activity = execution.getCurrentActivityId();
        int body = activity.indexOf('#');
        return body < 0 ? activity : activity.substring(0, body);
    }
}

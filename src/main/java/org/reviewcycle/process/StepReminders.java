package org.reviewcycle.process;

import java.util.Collection;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.reviewcycle.notification.Reminders;
import org.springframework.stereotype.Component;

/**
 * When the two timers on every user task fire, as the model asks it:
 * {@code ${stepReminders.reminders(execution)}} (the reminders before the due date and on it) and
 * {@code ${stepReminders.escalations(execution)}} (the line manager, then the head, told of an overdue step).
 * Both are non-interrupting boundary timers with a time cycle; when they fire, the model's message end events
 * call {@link RemindBeforeDueDelegate} and {@link TellWhenOverdueDelegate}. The mornings come from the step's
 * due date: each morning before it, and each morning after it; whether anyone is written to that morning, and
 * whom, is decided then by the school's settings as they are that day, in the notification feature
 * ({@link Reminders}). Allowed in models by the deploy gate's allowlist.
 */
@Component("stepReminders")
public class StepReminders {

    private final Reminders reminders;
    private final ReviewSchedule schedule;

    StepReminders(Reminders reminders, ReviewSchedule schedule) {
        this.reminders = reminders;
        this.schedule = schedule;
    }

    public String reminders(DelegateExecution execution) {
        return reminders.reminderCycle(dueDateOf(execution));
    }

    public String escalations(DelegateExecution execution) {
        return reminders.escalationCycle(dueDateOf(execution));
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

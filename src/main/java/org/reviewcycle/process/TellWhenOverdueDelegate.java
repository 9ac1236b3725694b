package org.reviewcycle.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.reviewcycle.notification.Reminders;
import org.springframework.stereotype.Component;

/**
 * The model's "Overdue" end events ({@code ${tellWhenOverdueDelegate}}), reached when the escalation timer of a
 * user task fires: hands the open step to {@link Reminders#escalate}, which tells the line manager, and later
 * the head.
 */
@Component("tellWhenOverdueDelegate")
class TellWhenOverdueDelegate implements JavaDelegate {

    private final OpenSteps steps;
    private final Reminders reminders;

    TellWhenOverdueDelegate(OpenSteps steps, Reminders reminders) {
        this.steps = steps;
        this.reminders = reminders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.of(execution).forEach(reminders::escalate);
    }
}

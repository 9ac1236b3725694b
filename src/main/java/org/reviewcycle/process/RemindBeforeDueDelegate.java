package org.reviewcycle.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.reviewcycle.notification.Reminders;
import org.springframework.stereotype.Component;

/**
 * The model's "Reminder" end events ({@code ${remindBeforeDueDelegate}}), reached each morning the reminder
 * timer of a user task fires: hands the open step to {@link Reminders#remind}, which writes on the school's
 * reminder days only.
 */
@Component("remindBeforeDueDelegate")
class RemindBeforeDueDelegate implements JavaDelegate {

    private final OpenSteps steps;
    private final Reminders reminders;

    RemindBeforeDueDelegate(OpenSteps steps, Reminders reminders) {
        this.steps = steps;
        this.reminders = reminders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.of(execution).forEach(reminders::remind);
    }
}

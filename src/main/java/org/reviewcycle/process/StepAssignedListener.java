package org.reviewcycle.process;

import static org.reviewcycle.process.AnnualReviewCycleProcess.Variables;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.reviewcycle.common.CurrentActor;
import org.reviewcycle.notification.GivenStep;
import org.reviewcycle.notification.StepAssignedMail;
import org.reviewcycle.review.ReviewFacts;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Hands every step given to someone to the notification feature (the assignment email), from the engine's
 * task events (Camunda's Spring eventing bridge, {@code camunda.bpm.eventing.task}): a new task with an
 * assignee, after the model's own create listeners have named and assigned it, and a task given to someone
 * later (handed on when its person moved school, or assigned by an administrator). Runs in the engine's
 * transaction, so the email is written if and only if the step is kept. Tasks of other processes (no review)
 * are left alone.
 */
@Component
class StepAssignedListener {

    private final ReviewForms forms;
    private final StepAssignedMail mail;
    private final CurrentActor actor;

    StepAssignedListener(ReviewForms forms, StepAssignedMail mail, CurrentActor actor) {
        this.forms = forms;
        this.mail = mail;
        this.actor = actor;
    }

    @EventListener(condition = "#task.eventName == 'create' or #task.eventName == 'assignment'")
    public void stepGiven(DelegateTask task) {
        if (task.getAssignee() == null || task.getExecution() == null
                || !(task.getExecution().getVariable(Variables.REVIEW_ID) instanceof Number reviewId)) {
            return;
        }
        ReviewFacts facts = forms.facts(reviewId.longValue());
        if (!facts.school().code().equals(task.getTenantId())) {
            // a variable pointing at another school's review writes nothing in that school's name (the review's
            // own process id is not known yet while its launch starts it: the school, the task's tenant, is)
            return;
        }
        mail.stepGiven(new GivenStep(facts.school().id(), facts.school().name(), task.getId(), task.getName(),
                task.getDueDate(), task.getAssignee(), actor.username(),
                TaskListener.EVENTNAME_CREATE.equals(task.getEventName())));
    }
}

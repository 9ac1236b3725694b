package org.reviewcycle.process;

import static org.reviewcycle.process.AnnualReviewCycleProcess.Variables;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.reviewcycle.review.ReviewFacts;

/**
 * The two moments of a review task. On create: fill the variables the task's form shows, and
 * declare every input of the form as a task-local variable, so that what Tasklist submits stays on
 * the task and never becomes a process variable. On complete: hand the submitted values to the
 * feature's service, in the transaction that completes the task; an invalid value, or a value for
 * anything but the form's fields ({@link FormSubmission}), throws, the transaction rolls back,
 * the task stays open and Tasklist shows the message.
 */
abstract class ReviewTaskListener implements TaskListener {

    protected final ReviewForms forms;

    ReviewTaskListener(ReviewForms forms) {
        this.forms = forms;
    }

    @Override
    public final void notify(DelegateTask task) {
        ReviewFacts facts = forms.facts(reviewId(task));
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> {
                // whose review it is, in the task list: a team leader has one planning meeting per person
                task.setName(task.getName() + ": " + facts.reviewee().fullName());
                forms.showCommonFacts(task, facts);
                prepare(task, facts);
                for (String input : inputs()) {
                    if (!task.hasVariableLocal(input)) {
                        task.setVariableLocal(input, null);
                    }
                }
                // Tasklist submits a list with the type of the variable it replaces: declare lists as Json.
                for (String input : listInputs()) {
                    if (!task.hasVariableLocal(input)) {
                        ReviewForms.showList(task, input, List.of());
                    }
                }
            }
            case EVENTNAME_COMPLETE -> {
                FormSubmission.requireOnly(fields());
                record(task, SubmittedForm.of(task), facts);
            }
            default -> {
                // the model attaches these listeners to create and complete only
            }
        }
    }

    /** Every input of the form: what a person may submit. */
    private List<String> fields() {
        var fields = new java.util.ArrayList<>(inputs());
        fields.addAll(listInputs());
        return fields;
    }

    /** The keys of the form's input fields that hold one value. */
    abstract List<String> inputs();

    /** The keys of the form's input fields that hold a list (dynamic lists, checklists). */
    List<String> listInputs() {
        return List.of();
    }

    /** Puts into task-local variables what the form shows, and prefills inputs. */
    abstract void prepare(DelegateTask task, ReviewFacts facts);

    /** Records what was submitted and sets the decisions the model's gateways read. */
    abstract void record(DelegateTask task, SubmittedForm form, ReviewFacts facts);

    static long reviewId(DelegateTask task) {
        Object id = task.getVariable(Variables.REVIEW_ID);
        if (id instanceof Number number) {
            return number.longValue();
        }
        throw new IllegalStateException("Task " + task.getId() + " has no " + Variables.REVIEW_ID);
    }
}

package org.reviewcycle.process;

import static org.reviewcycle.process.AnnualReviewCycleProcess.Variables;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.reviewcycle.review.ReviewFacts;

/**
 * The two moments of a review task. On create: name the task after whose review it is, and fill
 * the task-local variables the task's form shows (and prefills) beyond the facts every form shows
 * ({@link ReviewForms#commonFacts}, added when the form opens). On complete: hand the submitted values to the feature's service, in the
 * transaction that completes the task, and take off the process whatever the submission put
 * there, so that the process keeps ids and decisions only; an invalid value, or a value for
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
                task.setName(name(task, facts));
                prepare(task, facts);
            }
            case EVENTNAME_COMPLETE -> {
                List<String> fields = fields();
                try {
                    FormSubmission.requireOnly(fields);
                    record(task, SubmittedForm.of(task, fields), facts);
                } catch (IllegalArgumentException refusal) {
                    // our checks (SubmittedForm, the feature services, Checks) refuse input this way,
                    // with a message for the person who typed it
                    throw new RefusedSubmission(refusal);
                }
                // Tasklist's submission puts the fields the task does not hold (those not prefilled)
                // on the process: the record has them now, and the process keeps ids and decisions only
                for (String field : fields) {
                    if (!task.hasVariableLocal(field) && task.getExecution().hasVariable(field)) {
                        task.getExecution().removeVariable(field);
                    }
                }
            }
            default -> {
                // the model attaches these listeners to create and complete only
            }
        }
    }

    /**
     * The task's name in the task list: what it is, then whose review it is (a team leader has one
     * planning meeting per person).
     */
    String name(DelegateTask task, ReviewFacts facts) {
        return title(task) + ": " + facts.reviewee().fullName();
    }

    /** What the task is, before whose review it is in the task's name: the model's name unless a task needs more. */
    String title(DelegateTask task) {
        return task.getName();
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
        // the process's own variable: the task holds none of that name, and a new task's are not loaded yet
        Object id = task.getExecution().getVariable(Variables.REVIEW_ID);
        if (id instanceof Number number) {
            return number.longValue();
        }
        throw new IllegalStateException("Task " + task.getId() + " has no " + Variables.REVIEW_ID);
    }
}

package org.reviewcycle.process;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Set;

/**
 * The variables a person sends with a task they complete, as the engine receives them: handed
 * over by the security guard in front of the engine's commands (TaskSubmissionGuard) and checked
 * by the task's complete listener against the fields of the task's form. Process variables carry
 * ids and decisions that nobody may set by submitting a form: a submission may only fill the form.
 */
public final class FormSubmission {

    /** How the values came: through the form (Tasklist's submit-form), or with a plain complete. */
    public enum Route { FORM, COMPLETE }

    private record Submitted(Route route, Set<String> names) {
    }

    /** A stack, for the rare command that completes a task inside another. */
    private static final ThreadLocal<Deque<Submitted>> CURRENT = ThreadLocal.withInitial(ArrayDeque::new);

    private FormSubmission() {
    }

    /** A person submits these variable names for a task; until {@link #end()}. */
    public static void begin(Route route, Collection<String> names) {
        CURRENT.get().push(new Submitted(route, Set.copyOf(names)));
    }

    public static void end() {
        CURRENT.get().pop();
    }

    /**
     * Refuses what a person sent with the task being completed unless it fills the fields of the
     * task's form: each name must be one of {@code fields}, and values travel with the form only.
     * Completions that no person started (the engine's jobs, our own code) carry nothing to check.
     */
    static void requireOnly(Collection<String> fields) {
        Submitted submitted = CURRENT.get().peek();
        if (submitted == null || submitted.names().isEmpty()) {
            return;
        }
        if (submitted.route() == Route.COMPLETE) {
            throw new IllegalArgumentException("Submit the values of this task with its form (submit-form), "
                    + "not with the completion");
        }
        var unknown = submitted.names().stream().filter(name -> !fields.contains(name)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("This form has no field " + String.join(", ", unknown)
                    + ": only the form's own fields can be submitted");
        }
    }
}

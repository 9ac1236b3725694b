package org.reviewcycle.process;

/**
 * A person's form submission refused by a task's complete listener, with a message written for
 * that person (one sentence naming the field). The engine wraps whatever a listener throws in its
 * own exception (ENGINE-03051); this type, found in the cause chain, is how the REST API's error
 * mapping ({@link SubmissionErrors}) tells a refusal from a fault and shows only its message.
 */
public final class RefusedSubmission extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    RefusedSubmission(IllegalArgumentException refusal) {
        super(refusal.getMessage(), refusal);
    }
}

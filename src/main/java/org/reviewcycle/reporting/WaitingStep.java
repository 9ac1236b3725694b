package org.reviewcycle.reporting;

import java.time.LocalDateTime;

/** A step open now: whose review, the task, since when, and who holds it (null: offered to a group). */
public record WaitingStep(Long reviewId, String revieweeName, String taskName, LocalDateTime waitingSince,
        String holderName) {

    public String stepName() {
        return StepNames.withoutPerson(taskName);
    }
}

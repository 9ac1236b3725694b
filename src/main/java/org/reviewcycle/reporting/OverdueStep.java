package org.reviewcycle.reporting;

import java.time.LocalDateTime;

/** An open step past its due date: whose review, the task, when it was due, and who holds it (null: offered to a group). */
public record OverdueStep(Long reviewId, String revieweeName, String taskName, LocalDateTime due, String holderName) {

    public String stepName() {
        return StepNames.withoutPerson(taskName);
    }
}

package org.reviewcycle.school;

import java.time.LocalDate;

/**
 * The dates one member of staff's review keeps to: objectives agreed by, mid-year check from, lesson
 * observations by (none for support staff), final review from, final review due.
 */
public record Milestones(LocalDate objectivesAgreedBy, LocalDate midYearCheckFrom, LocalDate observationsBy,
        LocalDate finalReviewFrom, LocalDate finalReviewDue) {

    /** When lesson observations are due: their own date, else (someone observed without one) the final review's. */
    public LocalDate observationsDue() {
        return observationsBy != null ? observationsBy : finalReviewFrom;
    }

    Milestones withObjectivesAgreedBy(LocalDate day) {
        return new Milestones(day, midYearCheckFrom, observationsBy, finalReviewFrom, finalReviewDue);
    }
}

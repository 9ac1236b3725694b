package org.reviewcycle.review;

import java.time.LocalDate;

/**
 * A CPD need found in an earlier year (at a lesson observation, or in the final review's development
 * needs for next year): a suggestion for the person's next planning meeting. {@code observedOn} is
 * the lesson's date, null for the final review.
 */
public record CarriedCpdNeed(String academicYear, LocalDate observedOn, String need) {

    public boolean fromObservation() {
        return observedOn != null;
    }
}

package org.reviewcycle.review;

/**
 * An objective of an earlier year's review that was not met in full at its final review: a
 * suggestion for the person's next planning meeting, with what the final review found.
 */
public record CarriedObjective(String academicYear, String title, String successCriteria, Outcome outcome,
        String evidence) {
}

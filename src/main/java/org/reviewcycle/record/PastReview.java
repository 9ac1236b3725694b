package org.reviewcycle.record;

import org.reviewcycle.review.ReviewState;

/**
 * One review of a person as the record lists it: the school whose cycle it belongs to (which may not be the
 * school they work at now), the academic year, where it stands, and who reviewed them.
 */
public record PastReview(Long reviewId, Long staffId, Long schoolId, String schoolName, String academicYear,
        ReviewState state, String endReason, Long reviewerId, String reviewerName) {

    /** The state in the words of the page. */
    public String stateInWords() {
        return switch (state) {
            case LAUNCHING -> "Starting";
            case IN_PROGRESS -> "In progress";
            case COMPLETE -> "Complete";
            case ENDED -> endReason == null ? "Ended" : "Ended: " + endReason;
        };
    }
}

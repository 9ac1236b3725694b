package org.reviewcycle.reporting;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.reviewcycle.review.ReviewState;
import org.reviewcycle.staff.StaffCategory;

/**
 * What has been done in one review of a cycle (DashboardMapper.selectReviewFigures): when the head first
 * approved its objectives, how many rounds were returned, the objectives of its latest round, the
 * reviewee's responses, mid-year checks and observations, and of its latest final review whether it was
 * held, recommends pay, records development needs, was signed by the reviewee and the head, and its outcomes.
 */
public record ReviewFigures(Long reviewId, Long staffId, StaffCategory category, LocalDate startedOn, Long reviewerId,
        String reviewerName, ReviewState state, LocalDateTime agreedAt, int returnedRounds, int objectives,
        int responses, int midYearChecks, int observations, int observationsWithoutFocus, boolean finalReviewHeld,
        boolean payRecommended, boolean developmentNeedsRecorded, int revieweeSigned, int headSigned, int met,
        int partlyMet, int notMet) {

    boolean signedOff() {
        return state == ReviewState.COMPLETE;
    }

    int outcomes() {
        return met + partlyMet + notMet;
    }
}

package org.reviewcycle.review;

/** Recorded progress on one objective at the mid-year check. */
public record MidYearProgress(Long objectiveId, ProgressStatus status, String note) {
}

package org.reviewcycle.review;

/** A recorded outcome of one objective. */
public record ObjectiveOutcome(Long objectiveId, Outcome outcome, String evidence) {
}

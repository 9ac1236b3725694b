package org.reviewcycle.review;

/** What the reviewee achieved against one objective in their self-review, and their evidence (may be empty). */
public record SelfReviewObjective(Long objectiveId, int position, String title, String achieved, String evidence) {
}

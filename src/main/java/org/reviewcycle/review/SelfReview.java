package org.reviewcycle.review;

import java.time.LocalDateTime;

/**
 * The reviewee's self-review, written once between the mid-year check and the final review: the
 * overall view (may be empty); what they wrote per objective is in {@link SelfReviewObjective}.
 */
public record SelfReview(Long reviewId, String overall, String writtenBy, LocalDateTime writtenAt) {
}

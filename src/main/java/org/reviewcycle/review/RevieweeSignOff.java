package org.reviewcycle.review;

import java.time.LocalDateTime;

/** The reviewee's comments and signature on one round of the final review. */
public record RevieweeSignOff(Long finalReviewId, String comments, String signedBy, LocalDateTime signedAt) {
}

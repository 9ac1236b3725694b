package org.reviewcycle.review;

import java.time.LocalDateTime;

/**
 * The reviewee's comments and signature on one round of the final review; {@code disagreementReason}
 * is null when they signed in agreement, and says why when they signed and disagreed.
 */
public record RevieweeSignOff(Long finalReviewId, String comments, String signedBy, LocalDateTime signedAt,
        String disagreementReason) {

    public boolean disagrees() {
        return disagreementReason != null;
    }
}

package org.reviewcycle.review;

import java.time.LocalDateTime;

/** The head's decision on one round of the final review. */
public record FinalReviewDecision(Long finalReviewId, SignOffDecision decision, String reason, String moderationNote,
        String decidedBy, LocalDateTime decidedAt) {
}

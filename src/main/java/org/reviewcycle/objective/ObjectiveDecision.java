package org.reviewcycle.objective;

import java.time.LocalDateTime;

/** Who decided what on which round of objectives, when, and why. */
public record ObjectiveDecision(Long reviewId, int round, Decision decision, String reason, String decidedBy,
        LocalDateTime decidedAt) {
}

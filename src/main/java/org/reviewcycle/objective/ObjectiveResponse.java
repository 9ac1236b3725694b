package org.reviewcycle.objective;

import java.time.LocalDateTime;

/** The reviewee's acknowledgement of, or disagreement with, a round of approved objectives. */
public record ObjectiveResponse(Long reviewId, int round, Response response, String reason, String respondedBy,
        LocalDateTime respondedAt) {
}

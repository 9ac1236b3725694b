package org.reviewcycle.review;

import java.time.LocalDateTime;

/**
 * A reviewee's disagreement with one round of their objectives or of their final review, and the
 * head's answer: who raised it and when (username and name), their reason; who answered and when,
 * the response and, for objectives, whether they stand (true) or went back to the planning meeting
 * (false). The answer's fields are null while the head has not answered.
 */
public record Disagreement(DisagreementSubject subject, int round, String reason, String raisedBy,
        String raisedByName, LocalDateTime raisedAt, String response, Boolean objectivesStand, String answeredBy,
        String answeredByName, LocalDateTime answeredAt) {

    public boolean answered() {
        return response != null;
    }
}

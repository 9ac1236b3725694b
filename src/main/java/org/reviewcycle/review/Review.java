package org.reviewcycle.review;

/** One member of staff's review in one cycle. Its id is the business key of its process instance. */
public record Review(Long id, Long cycleId, Long staffId, Long reviewerId, ReviewState state,
        String processInstanceId) {
}

package org.reviewcycle.review;

/** One round of the final review (a review returned by the head is written again as a new round). */
public record FinalReview(Long id, Long reviewId, int round, String impactOnPupils, String impactOnPractice,
        String impactOnColleagues, String cpdUndertaken, String cpdImpact, String developmentNeeds,
        PayRecommendation payRecommendation, String payReason) {
}

package org.reviewcycle.review;

import java.util.List;

/** The final review as the reviewer writes it: outcomes, impact, CPD, next year's needs, pay. */
public record FinalReviewDraft(List<OutcomeEntry> outcomes, String impactOnPupils, String impactOnPractice,
        String impactOnColleagues, String cpdUndertaken, String cpdImpact, String developmentNeeds,
        PayRecommendation payRecommendation, String payReason) {
}

package org.reviewcycle.review;

/** What the reviewee wrote before the planning meeting. Any part may be empty. */
public record SelfReflection(Long reviewId, String strengths, String developmentWishes, String objectiveIdeas) {
}

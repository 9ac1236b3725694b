package org.reviewcycle.review;

/** One objective of a self-review as submitted: the objective's number in the review, what was achieved, the evidence. */
public record SelfReviewEntry(Integer position, String achieved, String evidence) {
}

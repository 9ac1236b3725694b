package org.reviewcycle.staff;

/**
 * Published by {@link StaffService} inside the transaction that gives {@code staffId} a different
 * reviewer (null: none), so that a review under way can follow (its open steps move to the new
 * reviewer) in the same transaction, without the staff feature knowing about reviews.
 */
public record ReviewerChanged(long staffId, Long previousReviewerId, Long newReviewerId) {
}

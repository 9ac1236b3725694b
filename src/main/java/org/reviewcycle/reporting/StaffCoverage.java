package org.reviewcycle.reporting;

/** Working staff of a school with no reviewer (the head excepted), and with a reviewer but no review this cycle. */
public record StaffCoverage(Integer withoutReviewer, Integer withoutReview) {
}

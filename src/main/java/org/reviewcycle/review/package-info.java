/**
 * The review of one member of staff in one cycle (one per person per cycle), with its reviewer, its
 * state and the process instance that runs it. {@link org.reviewcycle.review.ReviewService} is the
 * entry point.
 */
package org.reviewcycle.review;

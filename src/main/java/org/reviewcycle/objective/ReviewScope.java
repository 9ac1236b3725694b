package org.reviewcycle.objective;

/** The review an objective belongs to, as far as the objective rules need it. */
record ReviewScope(long reviewId, long cycleId, long schoolId, long revieweeId, long reviewerId) {
}

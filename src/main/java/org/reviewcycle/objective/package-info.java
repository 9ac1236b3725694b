/**
 * Objectives and the head's decisions on them: each submission is a round of 1 to 5 objectives,
 * each serving a school improvement priority; the head approves a round or returns it with a
 * reason; the reviewee acknowledges or disagrees. Rounds are kept, never overwritten.
 * {@link org.reviewcycle.objective.ObjectiveService} is the entry point.
 */
package org.reviewcycle.objective;

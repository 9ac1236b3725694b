/**
 * Objectives and the head's decisions on them: each submission is a round of 1 to 5 objectives,
 * each serving a school improvement priority; the head approves a round or returns it with a
 * reason; the reviewee acknowledges or disagrees. Rounds are kept, never overwritten. A team's
 * leader proposes the team's joint objectives for a cycle (the /teams pages); planning meetings
 * offer them, and an objective taken from one keeps the link.
 * {@link org.reviewcycle.objective.ObjectiveService} is the entry point.
 */
package org.reviewcycle.objective;

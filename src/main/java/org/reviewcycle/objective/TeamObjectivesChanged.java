package org.reviewcycle.objective;

/**
 * A team's proposed joint objectives for a cycle changed (proposed, changed or withdrawn). Published
 * inside the transaction that made the change, so that planning meetings already open can offer
 * the new list (process.PlanningMeetingListener).
 */
public record TeamObjectivesChanged(long teamId, long cycleId) {
}

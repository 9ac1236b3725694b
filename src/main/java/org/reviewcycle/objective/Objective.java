package org.reviewcycle.objective;

/** One objective of one round. {@code teamId} is set on a joint objective, shared by the team. */
public record Objective(Long id, Long reviewId, int round, int position, Long priorityId, String title,
        String successCriteria, String evidence, String cpdSupport, Long teamId) {

    public boolean joint() {
        return teamId != null;
    }
}

package org.reviewcycle.objective;

import org.apache.ibatis.annotations.AutomapConstructor;

/**
 * One objective of one round. {@code teamId} is set on a joint objective, shared by the team;
 * {@code teamObjectiveId} on one taken from a joint objective the team's leader proposed
 * ({@link TeamObjective}), worded as proposed.
 */
public record Objective(Long id, Long reviewId, int round, int position, Long priorityId, String title,
        String successCriteria, String evidence, String cpdSupport, Long teamId, Long teamObjectiveId) {

    /** The constructor MyBatis maps rows with. */
    @AutomapConstructor
    public Objective {
    }

    /** An objective written in the planning meeting, not taken from a team's proposal. */
    public Objective(Long id, Long reviewId, int round, int position, Long priorityId, String title,
            String successCriteria, String evidence, String cpdSupport, Long teamId) {
        this(id, reviewId, round, position, priorityId, title, successCriteria, evidence, cpdSupport, teamId, null);
    }

    public boolean joint() {
        return teamId != null;
    }
}

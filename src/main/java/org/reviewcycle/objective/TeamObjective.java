package org.reviewcycle.objective;

import java.time.LocalDateTime;

/**
 * A joint objective a team's leader (or the school's admin) proposes for the team in one cycle,
 * offered in the planning meeting of every member; withdrawn ones are kept but no longer offered.
 * {@code proposedBy} and {@code withdrawnBy} are usernames.
 */
public record TeamObjective(Long id, Long teamId, Long cycleId, Long priorityId, String title,
        String successCriteria, String evidence, String proposedBy, LocalDateTime proposedAt, String withdrawnBy,
        LocalDateTime withdrawnAt) {

    public boolean withdrawn() {
        return withdrawnAt != null;
    }
}

package org.reviewcycle.objective;

import java.time.LocalDateTime;

/**
 * A team's proposed joint objective as people read it: the team's name, the priority it serves in
 * words ("W1: Raise standards in writing") and who proposed it by name, not username.
 */
public record ProposedObjective(TeamObjective objective, String team, String priority, String proposedBy,
        LocalDateTime proposedAt) {
}

package org.reviewcycle.process;

import java.util.List;

/**
 * What launching a cycle did: reviews started now, reviews that were running already, and the
 * active staff who have no reviewer, or whose reviewer has left (named, so that an admin can give them
 * one and launch again).
 */
public record LaunchReport(long cycleId, String academicYear, String schoolName, int started, int alreadyRunning,
        List<String> withoutReviewer) {
}

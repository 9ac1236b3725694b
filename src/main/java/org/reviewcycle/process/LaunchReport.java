package org.reviewcycle.process;

import java.util.List;

/**
 * What launching a cycle did: reviews started now, reviews that were running already, and the
 * members of staff given no review, each with the reason (named, so that an admin can put it right
 * and launch again).
 */
public record LaunchReport(long cycleId, String academicYear, String schoolName, int started, int alreadyRunning,
        List<Skipped> skipped) {

    /** Someone the launch gave no review, and why, in words an admin can act on. */
    public record Skipped(long staffId, String name, String jobTitle, String reason) {
    }
}

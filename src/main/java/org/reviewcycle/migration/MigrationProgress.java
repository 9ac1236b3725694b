package org.reviewcycle.migration;

import java.time.LocalDateTime;
import java.util.List;

/**
 * Where a move of reviews stands, counted in reviews: moved (on the target version now), still to
 * move, failed (the engine refused it; {@code failures} says whose and why), and ended meanwhile.
 * {@code finished} once the engine's batches are done, or stopped with nothing left to run.
 */
public record MigrationProgress(long id, int targetVersion, String startedBy, LocalDateTime startedAt, int total,
        int moved, int remaining, int failed, int ended, int left, boolean finished, List<Failure> failures) {

    /** A review the engine did not move, and why, in words. */
    public record Failure(String person, String reason) {
    }
}

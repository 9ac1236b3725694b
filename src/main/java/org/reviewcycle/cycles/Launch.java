package org.reviewcycle.cycles;

import java.time.LocalDateTime;

/**
 * One launch of a cycle: how many reviews it has to start, has started, found running already;
 * who pressed Launch and when; and, once it has ended, how and when.
 */
public record Launch(Long id, Long cycleId, LaunchState state, int toStart, int started, int alreadyRunning,
        String failure, String startedBy, LocalDateTime startedAt, LocalDateTime heartbeatAt,
        LocalDateTime finishedAt) {

    /** How far it has come, from 0 to 100: reviews started of those it has to start. */
    public int percent() {
        if (state == LaunchState.FINISHED || toStart == 0) {
            return running() ? 0 : 100;
        }
        return Math.min(100, started * 100 / toStart);
    }

    /** Still at work (running, or stopping after its current batch): not yet ended. */
    public boolean running() {
        return state == LaunchState.RUNNING || state == LaunchState.STOPPING;
    }

    /** Whether Stop can be pressed. */
    public boolean stoppable() {
        return state == LaunchState.RUNNING;
    }
}

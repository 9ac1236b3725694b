package org.reviewcycle.review;

/** Where one person's review stands. */
public enum ReviewState {
    /** The row exists; its process has not been started yet (a launch stopped halfway leaves these). */
    LAUNCHING,
    /** The process runs: objectives, mid-year check, observations, final review. */
    IN_PROGRESS,
    /** Signed off by the head. */
    COMPLETE,
    /** Stopped before completion, with a reason (cycle closed, left the school); everything written is kept. */
    ENDED
}

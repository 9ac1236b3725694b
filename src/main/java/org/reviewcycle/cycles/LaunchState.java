package org.reviewcycle.cycles;

/** Where a launch of a cycle stands (table cycle_launch). */
public enum LaunchState {
    /** Starting reviews, batch by batch, on one node. */
    RUNNING("Starting reviews"),
    /** An admin pressed Stop (or closed the cycle): the batch under way finishes, then it stops. */
    STOPPING("Stopping after the reviews being started now"),
    /** Stopped; the reviews started so far run. */
    STOPPED("Stopped"),
    /** Every review it could start has started. */
    FINISHED("Finished"),
    /** It met an error; the sentence is kept, and launching again carries on. */
    FAILED("Stopped by an error");

    private final String label;

    LaunchState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

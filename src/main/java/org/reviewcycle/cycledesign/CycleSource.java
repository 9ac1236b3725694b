package org.reviewcycle.cycledesign;

/**
 * Where a school's cycle comes from: it follows the trust's default (it runs {@code adoptedVersion}
 * of it and is offered every newer one), or it keeps its own copy (it changed what it started
 * from, and the trust's versions no longer reach it unless it adopts one again).
 *
 * @param followsTrust whether the school follows the trust's default
 * @param adoptedVersion the trust's version the school last adopted (1: the cycle as shipped)
 * @param trustVersion the trust's current version
 */
public record CycleSource(boolean followsTrust, int adoptedVersion, int trustVersion) {

    /** A following school behind the trust's current version: "Adopt version N" is offered. */
    public boolean newerOffered() {
        return followsTrust && trustVersion > adoptedVersion;
    }
}

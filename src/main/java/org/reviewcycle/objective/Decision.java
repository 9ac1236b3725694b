package org.reviewcycle.objective;

/** The head's decision on a round of objectives. */
public enum Decision {
    APPROVED, RETURNED
}

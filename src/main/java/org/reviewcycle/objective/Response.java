package org.reviewcycle.objective;

/** The reviewee's answer to approved objectives. */
public enum Response {
    ACKNOWLEDGED, DISAGREED
}

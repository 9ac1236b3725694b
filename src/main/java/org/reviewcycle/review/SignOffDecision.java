package org.reviewcycle.review;

/** The head's moderation of a final review. */
public enum SignOffDecision {
    SIGNED_OFF, RETURNED
}

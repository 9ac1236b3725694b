package org.reviewcycle.review;

/** The outcome of objective {@code position} with its evidence, as the final review records it. */
public record OutcomeEntry(int position, Outcome outcome, String evidence) {
}

package org.reviewcycle.school;

/**
 * Published by {@link SchoolService} inside the transaction that creates {@code school}, so that
 * what a school needs in the engine (its own deployment of the cycle) is made in the same
 * transaction, without the school feature knowing about the engine.
 */
public record SchoolCreated(School school) {
}

package org.reviewcycle.reporting;

/** One school's objective outcomes at the final review in a year. */
public record SchoolOutcomes(Long schoolId, int met, int partlyMet, int notMet) {
}

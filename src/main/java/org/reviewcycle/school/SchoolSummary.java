package org.reviewcycle.school;

/**
 * A school at a glance, for the list of schools and a school's overview: its staff still working
 * there, those of them without a reviewer (heads excepted: governors review them), and the cycle of
 * the academic year asked for, if it has one.
 */
public record SchoolSummary(School school, long staffCount, long withoutReviewer, ReviewCycle cycle) {
}

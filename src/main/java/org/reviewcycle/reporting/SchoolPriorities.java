package org.reviewcycle.reporting;

/** One school's improvement priorities, and how many of them the year's objectives serve. */
public record SchoolPriorities(Long schoolId, int priorities, int covered) {
}

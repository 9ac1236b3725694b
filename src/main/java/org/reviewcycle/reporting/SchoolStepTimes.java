package org.reviewcycle.reporting;

/** One school's steps in a year: open now, open for longer than the stall threshold, average days a completed step took. */
public record SchoolStepTimes(Long schoolId, int openSteps, int stalledSteps, Double averageDays) {
}

package org.reviewcycle.reporting;

/** One school's (tenant's) steps open now, those open longer than the stall threshold, and their average days open. */
public record SchoolStepTimes(String tenant, int openSteps, int stalledSteps, Double averageDays) {
}

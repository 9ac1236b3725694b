package org.reviewcycle.cycles;

/** Someone a launch gave no review, with their staff number and job title, and why. */
public record LaunchSkip(long staffId, String staffNumber, String name, String jobTitle, String reason) {
}

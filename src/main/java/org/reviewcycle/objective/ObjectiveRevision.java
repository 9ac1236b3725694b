package org.reviewcycle.objective;

/** The wording of objective {@code position} as it stands after the mid-year check. */
public record ObjectiveRevision(int position, String title, String successCriteria) {
}

package org.reviewcycle.review;

/** The mid-year check of objective {@code position}: its wording as it now stands, and progress. */
public record MidYearEntry(int position, String title, String successCriteria, ProgressStatus status, String note) {
}

package org.reviewcycle.record;

import java.time.LocalDateTime;

/**
 * One read of someone else's review record, as the access log keeps it (table record_read) and the
 * reviewee sees it: who (name and job title), why they may read it, what they read, when.
 */
public record RecordRead(Long reviewId, String academicYear, String readerName, String readerJobTitle,
        RecordAccess.Grant readerRole, What what, LocalDateTime readAt) {

    /** What was read. */
    public enum What {
        PAGE("The record page"), PDF("The written report (PDF)"), CYCLE_ZIP("The written report, in the school's zip"),
        SUMMARY("The objectives and outcomes, in the list of past reviews");

        private final String label;

        What(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Why the reader may read it, in the words of the page. */
    public String roleInWords() {
        return switch (readerRole) {
            case REVIEWEE -> "You";
            case REVIEWER -> "Your reviewer";
            case HEAD_OF_SCHOOL -> "Head of the school";
            case ADMIN_OF_SCHOOL -> "An administrator of the school";
            case HEAD_OF_SCHOOL_MOVED_TO -> "Head of the school you moved to";
        };
    }
}

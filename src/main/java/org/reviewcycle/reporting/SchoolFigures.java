package org.reviewcycle.reporting;

/** One school's reviews in a year, for the trust: objectives agreed on time or overdue, reviews signed off. */
public record SchoolFigures(Long schoolId, String schoolCode, String schoolName, int reviews, int agreedOnTime,
        int objectivesOverdue, int signedOff) {
}

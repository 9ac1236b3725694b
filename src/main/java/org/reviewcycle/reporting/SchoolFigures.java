package org.reviewcycle.reporting;

/** One school's reviews in a year, for the trust: objectives agreed on time or overdue, signed off, priorities covered. */
public record SchoolFigures(Long schoolId, String schoolName, int reviews, int agreedOnTime, int objectivesOverdue,
        int signedOff, int priorities, int prioritiesCovered) {
}

package org.reviewcycle.reporting;

import org.reviewcycle.staff.StaffCategory;

/** Lessons observed in one cycle for one category of staff, and how many were judged good or outstanding. */
public record JudgementFigures(String academicYear, StaffCategory category, int people, int lessons, int goodOrBetter,
        int ofSupportStaff) {
}

package org.reviewcycle.school;

import java.time.LocalDate;

/**
 * One school's appraisal cycle for one academic year ({@code 2026/27}) with its milestone dates:
 * objectives agreed by, mid-year check from, final review from, final review due.
 */
public record ReviewCycle(Long id, Long schoolId, String academicYear, LocalDate objectivesAgreedBy,
        LocalDate midYearCheckFrom, LocalDate finalReviewFrom, LocalDate finalReviewDue, CycleState state) {
}

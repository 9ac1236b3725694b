package org.reviewcycle.school;

import java.time.LocalDate;

import org.apache.ibatis.annotations.AutomapConstructor;
import org.reviewcycle.staff.StaffCategory;

/**
 * One school's appraisal cycle for one academic year ({@code 2026/27}) with its milestone dates.
 * The first four dates are the teachers' (objectives agreed by, mid-year check from, final review
 * from, final review due), with {@code observationsBy} for their lesson observations; support staff
 * have dates of their own ({@code support...}) and no observations. A new starter agrees objectives
 * {@code newStarterWeeks} after they start. See {@link #milestonesFor}.
 */
public record ReviewCycle(Long id, Long schoolId, String academicYear, LocalDate objectivesAgreedBy,
        LocalDate midYearCheckFrom, LocalDate finalReviewFrom, LocalDate finalReviewDue, CycleState state,
        LocalDate observationsBy, LocalDate supportObjectivesAgreedBy, LocalDate supportMidYearCheckFrom,
        LocalDate supportFinalReviewFrom, LocalDate supportFinalReviewDue, int newStarterWeeks) {

    /** Weeks a new starter has to agree objectives, unless the cycle says otherwise. */
    public static final int DEFAULT_NEW_STARTER_WEEKS = 6;

    /** The constructor MyBatis maps rows with. */
    @AutomapConstructor
    public ReviewCycle {
    }

    /** A cycle whose support staff keep the teachers' dates and whose observations are due when the final review opens. */
    public ReviewCycle(Long id, Long schoolId, String academicYear, LocalDate objectivesAgreedBy,
            LocalDate midYearCheckFrom, LocalDate finalReviewFrom, LocalDate finalReviewDue, CycleState state) {
        this(id, schoolId, academicYear, objectivesAgreedBy, midYearCheckFrom, finalReviewFrom, finalReviewDue, state,
                finalReviewFrom, objectivesAgreedBy, midYearCheckFrom, finalReviewFrom, finalReviewDue,
                DEFAULT_NEW_STARTER_WEEKS);
    }

    public Milestones teachers() {
        return new Milestones(objectivesAgreedBy, midYearCheckFrom, observationsBy, finalReviewFrom, finalReviewDue);
    }

    public Milestones supportStaff() {
        return new Milestones(supportObjectivesAgreedBy, supportMidYearCheckFrom, null, supportFinalReviewFrom,
                supportFinalReviewDue);
    }

    /**
     * The dates of a review of someone in this category who started on {@code startedOn} (null: before
     * the cycle): their category's, except that someone who started after their objectives deadline
     * agrees objectives {@link #newStarterWeeks} weeks after they started.
     */
    public Milestones milestonesFor(StaffCategory category, LocalDate startedOn) {
        Milestones dates = category.supportStaff() ? supportStaff() : teachers();
        return newStarter(category, startedOn) ? dates.withObjectivesAgreedBy(startedOn.plusWeeks(newStarterWeeks))
                : dates;
    }

    /** Whether someone of this category who started then joined after their objectives deadline. */
    public boolean newStarter(StaffCategory category, LocalDate startedOn) {
        Milestones dates = category.supportStaff() ? supportStaff() : teachers();
        return startedOn != null && startedOn.isAfter(dates.objectivesAgreedBy());
    }

    /** The first day of the academic year: 1 September of its first calendar year. */
    public LocalDate firstDay() {
        return LocalDate.of(Integer.parseInt(academicYear.substring(0, 4)), 9, 1);
    }

    public boolean closed() {
        return state == CycleState.CLOSED;
    }
}

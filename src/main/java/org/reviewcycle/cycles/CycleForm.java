package org.reviewcycle.cycles;

import java.time.LocalDate;
import java.time.Month;

import org.reviewcycle.school.ReviewCycle;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What the cycle form holds, as typed: the academic year, the teachers' and the support staff's
 * milestone dates, and new starters' weeks to agree objectives. A date that is not a date stays
 * empty here and is told beside its field.
 */
public class CycleForm {

    private String academicYear;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate objectivesAgreedBy;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate midYearCheckFrom;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate observationsBy;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate finalReviewFrom;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate finalReviewDue;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate supportObjectivesAgreedBy;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate supportMidYearCheckFrom;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate supportFinalReviewFrom;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate supportFinalReviewDue;
    private Integer newStarterWeeks;

    /**
     * The usual dates of the academic year beginning in September of {@code autumn}: objectives
     * agreed by 31 October (the statutory deadline for teachers' objectives), the mid-year check from
     * 1 February, observations by and the final review from 14 June, due by 16 July, before the
     * summer holiday; support staff the same.
     */
    static CycleForm usualDates(int autumn) {
        var form = new CycleForm();
        form.academicYear = autumn + "/" + String.format("%02d", (autumn + 1) % 100);
        form.objectivesAgreedBy = LocalDate.of(autumn, Month.OCTOBER, 31);
        form.midYearCheckFrom = LocalDate.of(autumn + 1, Month.FEBRUARY, 1);
        form.observationsBy = LocalDate.of(autumn + 1, Month.JUNE, 14);
        form.finalReviewFrom = LocalDate.of(autumn + 1, Month.JUNE, 14);
        form.finalReviewDue = LocalDate.of(autumn + 1, Month.JULY, 16);
        form.supportObjectivesAgreedBy = form.objectivesAgreedBy;
        form.supportMidYearCheckFrom = form.midYearCheckFrom;
        form.supportFinalReviewFrom = form.finalReviewFrom;
        form.supportFinalReviewDue = form.finalReviewDue;
        form.newStarterWeeks = ReviewCycle.DEFAULT_NEW_STARTER_WEEKS;
        return form;
    }

    static CycleForm of(ReviewCycle cycle) {
        var form = new CycleForm();
        form.academicYear = cycle.academicYear();
        form.objectivesAgreedBy = cycle.objectivesAgreedBy();
        form.midYearCheckFrom = cycle.midYearCheckFrom();
        form.observationsBy = cycle.teachers().observationsDue();
        form.finalReviewFrom = cycle.finalReviewFrom();
        form.finalReviewDue = cycle.finalReviewDue();
        form.supportObjectivesAgreedBy = cycle.supportObjectivesAgreedBy();
        form.supportMidYearCheckFrom = cycle.supportMidYearCheckFrom();
        form.supportFinalReviewFrom = cycle.supportFinalReviewFrom();
        form.supportFinalReviewDue = cycle.supportFinalReviewDue();
        form.newStarterWeeks = cycle.newStarterWeeks();
        return form;
    }

    ReviewCycle toCycle(Long id, long schoolId) {
        return new ReviewCycle(id, schoolId, academicYear == null ? null : academicYear.strip(), objectivesAgreedBy,
                midYearCheckFrom, finalReviewFrom, finalReviewDue, null, observationsBy, supportObjectivesAgreedBy,
                supportMidYearCheckFrom, supportFinalReviewFrom, supportFinalReviewDue,
                newStarterWeeks == null ? 0 : newStarterWeeks);
    }

    public String getAcademicYear() { return academicYear; }
    public void setAcademicYear(String academicYear) { this.academicYear = academicYear; }
    public LocalDate getObjectivesAgreedBy() { return objectivesAgreedBy; }
    public void setObjectivesAgreedBy(LocalDate day) { this.objectivesAgreedBy = day; }
    public LocalDate getMidYearCheckFrom() { return midYearCheckFrom; }
    public void setMidYearCheckFrom(LocalDate day) { this.midYearCheckFrom = day; }
    public LocalDate getObservationsBy() { return observationsBy; }
    public void setObservationsBy(LocalDate day) { this.observationsBy = day; }
    public LocalDate getFinalReviewFrom() { return finalReviewFrom; }
    public void setFinalReviewFrom(LocalDate day) { this.finalReviewFrom = day; }
    public LocalDate getFinalReviewDue() { return finalReviewDue; }
    public void setFinalReviewDue(LocalDate day) { this.finalReviewDue = day; }
    public LocalDate getSupportObjectivesAgreedBy() { return supportObjectivesAgreedBy; }
    public void setSupportObjectivesAgreedBy(LocalDate day) { this.supportObjectivesAgreedBy = day; }
    public LocalDate getSupportMidYearCheckFrom() { return supportMidYearCheckFrom; }
    public void setSupportMidYearCheckFrom(LocalDate day) { this.supportMidYearCheckFrom = day; }
    public LocalDate getSupportFinalReviewFrom() { return supportFinalReviewFrom; }
    public void setSupportFinalReviewFrom(LocalDate day) { this.supportFinalReviewFrom = day; }
    public LocalDate getSupportFinalReviewDue() { return supportFinalReviewDue; }
    public void setSupportFinalReviewDue(LocalDate day) { this.supportFinalReviewDue = day; }
    public Integer getNewStarterWeeks() { return newStarterWeeks; }
    public void setNewStarterWeeks(Integer weeks) { this.newStarterWeeks = weeks; }
}

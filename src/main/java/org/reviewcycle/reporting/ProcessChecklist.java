package org.reviewcycle.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.reviewcycle.reporting.CheckPoint.Status;
import org.reviewcycle.school.Milestones;
import org.reviewcycle.school.ReviewCycle;

/**
 * The process checklist for light-touch validation (seed 004 names a 20-point one without listing it):
 * ours, written from the Education (School Teachers' Appraisal) (England) Regulations 2012 and the guidance
 * in the project's domain notes. Each point is computed from the cycle's data and is met, not met, or not
 * due yet (its date has not passed for anyone it concerns).
 */
final class ProcessChecklist {

    private static final String REGULATIONS = "2012 appraisal regulations";
    private static final String GUIDANCE = "Guidance";
    /** Observations a teacher should have at most in a year: the school's policy, three in most policies. */
    static final int MOST_OBSERVATIONS = 3;

    private final ReviewCycle cycle;
    private final LocalDate today;
    private final List<ReviewFigures> reviews;
    private final StaffCoverage coverage;
    private final int objectivesWithoutPriority;
    private final List<JudgementFigures> judgements;
    private final String year;
    private final String previousYear;
    private final List<CheckPoint> points = new ArrayList<>();

    ProcessChecklist(ReviewCycle cycle, LocalDate today, List<ReviewFigures> reviews, StaffCoverage coverage,
            int objectivesWithoutPriority, List<JudgementFigures> judgements, String year, String previousYear) {
        this.cycle = cycle;
        this.today = today;
        this.reviews = reviews;
        this.coverage = coverage;
        this.objectivesWithoutPriority = objectivesWithoutPriority;
        this.judgements = judgements;
        this.year = year;
        this.previousYear = previousYear;
    }

    List<CheckPoint> points() {
        int withoutReviewer = coverage.withoutReviewer() == null ? 0 : coverage.withoutReviewer();
        int withoutReview = coverage.withoutReview() == null ? 0 : coverage.withoutReview();
        add("Every member of staff but the head has an appraiser", REGULATIONS,
                withoutReviewer == 0 ? Status.MET : Status.NOT_MET,
                withoutReviewer == 0 ? "Everyone has an appraiser." : "Without an appraiser: " + withoutReviewer + ".",
                withoutReviewer);
        add("Everyone with an appraiser has a review this year", GUIDANCE,
                withoutReview == 0 ? Status.MET : Status.NOT_MET,
                withoutReview == 0 ? "Reviews: " + reviews.size() + "." : "With an appraiser but no review: " + withoutReview + ".",
                withoutReview == 0 ? reviews.size() : withoutReview);
        check("Objectives agreed by each person's deadline (31 October for teachers)", REGULATIONS,
                r -> !milestones(r).objectivesAgreedBy().isAfter(today),
                r -> r.agreedAt() != null && !r.agreedAt().toLocalDate().isAfter(milestones(r).objectivesAgreedBy()),
                "agreed their objectives by the deadline");
        check("Objectives the head returned have been agreed since", GUIDANCE,
                r -> r.returnedRounds() > 0 && !milestones(r).objectivesAgreedBy().isAfter(today),
                r -> r.agreedAt() != null, "of those returned are agreed now");
        add("Every objective serves a school improvement priority (regulation 6(5))", REGULATIONS,
                objectivesWithoutPriority == 0 ? Status.MET : Status.NOT_MET,
                objectivesWithoutPriority == 0 ? "Every objective is linked to a priority."
                        : "Objectives serving no priority of the school: " + objectivesWithoutPriority + ".",
                objectivesWithoutPriority);
        check("Each person has one to five objectives (two to four recommended)", GUIDANCE,
                r -> r.agreedAt() != null, r -> r.objectives() >= 1 && r.objectives() <= 5, "have one to five objectives");
        check("The head approved the objectives before the mid-year check", GUIDANCE, r -> r.midYearChecks() > 0,
                r -> r.agreedAt() != null, "had their objectives approved before it");
        check("Every member of staff has acknowledged their objectives or recorded a disagreement", GUIDANCE,
                r -> r.agreedAt() != null && r.agreedAt().toLocalDate().plusWeeks(2).isBefore(today),
                r -> r.responses() > 0, "of those approved more than two weeks ago have acknowledged them or disagreed");
        check("A mid-year check for every review once its date has passed", GUIDANCE,
                r -> milestones(r).midYearCheckFrom().plusWeeks(4).isBefore(today), r -> r.midYearChecks() > 0,
                "had their mid-year check (within four weeks of its date)");
        check("Every teacher's lessons observed by the observation date", REGULATIONS,
                r -> !r.category().supportStaff() && milestones(r).observationsDue().isBefore(today),
                r -> r.observations() > 0, "teachers observed");
        check("Observations within the limit: at most " + MOST_OBSERVATIONS + " a year for each teacher", GUIDANCE,
                r -> r.observations() > 0, r -> r.observations() <= MOST_OBSERVATIONS,
                "observed no more than " + MOST_OBSERVATIONS + " times");
        check("Each observation is linked to the appraisee's objectives", GUIDANCE, r -> r.observations() > 0,
                r -> r.observationsWithoutFocus() == 0, "had every observation linked to an objective");
        check("Support staff are not observed teaching", GUIDANCE, r -> r.category().supportStaff(),
                r -> r.observations() == 0, "support staff not observed");
        check("A final review for every review once it was due", REGULATIONS,
                r -> milestones(r).finalReviewDue().isBefore(today), ReviewFigures::finalReviewHeld, "had their final review");
        check("The final review assesses every objective", REGULATIONS, ReviewFigures::finalReviewHeld,
                r -> r.outcomes() >= r.objectives(), "had every objective assessed");
        check("A pay recommendation for every teacher", REGULATIONS,
                r -> r.finalReviewHeld() && !r.category().supportStaff(), ReviewFigures::payRecommended,
                "teachers' final reviews recommend on pay");
        check("Training and development needs recorded at the final review", REGULATIONS, ReviewFigures::finalReviewHeld,
                ReviewFigures::developmentNeedsRecorded, "final reviews record development needs");
        check("The appraisee has the written report and added their comments", REGULATIONS,
                ReviewFigures::finalReviewHeld, r -> r.revieweeSigned() > 0, "appraisees signed their report");
        check("The head moderated and signed off every signed report", GUIDANCE, r -> r.revieweeSigned() > 0,
                r -> r.headSigned() > 0, "signed off by the head");
        lessonsNoWorse();
        return List.copyOf(points);
    }

    private void lessonsNoWorse() {
        double now = goodOrBetter(year);
        double before = goodOrBetter(previousYear);
        String point = "Lessons good or better at least as often as last year";
        if (Double.isNaN(now) || Double.isNaN(before)) {
            add(point, GUIDANCE, Status.NOT_DUE, "Needs lessons observed in both " + previousYear + " and " + year + ".", 0);
        } else {
            add(point, GUIDANCE, now >= before ? Status.MET : Status.NOT_MET,
                    String.format("%.0f%% in %s against %.0f%% in %s.", now, year, before, previousYear),
                    Math.min(observed(year), observed(previousYear)));
        }
    }

    /** How many people were observed in the year (a person in two categories is counted in each: a rare case). */
    private int observed(String academicYear) {
        return judgements.stream().filter(j -> j.academicYear().equals(academicYear)).mapToInt(JudgementFigures::people).sum();
    }

    private double goodOrBetter(String academicYear) {
        int lessons = judgements.stream().filter(j -> j.academicYear().equals(academicYear)).mapToInt(JudgementFigures::lessons).sum();
        int good = judgements.stream().filter(j -> j.academicYear().equals(academicYear)).mapToInt(JudgementFigures::goodOrBetter).sum();
        return lessons == 0 ? Double.NaN : 100.0 * good / lessons;
    }

    /** Of the reviews {@code due} concerns, how many are {@code done}: met when all, not due when none is due. */
    private void check(String point, String source, Predicate<ReviewFigures> due, Predicate<ReviewFigures> done,
            String what) {
        List<ReviewFigures> concerned = reviews.stream().filter(due).toList();
        long met = concerned.stream().filter(done).count();
        if (concerned.isEmpty()) {
            add(point, source, Status.NOT_DUE, "Nobody yet.", 0);
        } else {
            add(point, source, met == concerned.size() ? Status.MET : Status.NOT_MET,
                    met + " of " + concerned.size() + " " + what + ".", concerned.size());
        }
    }

    private void add(String point, String source, Status status, String detail, int people) {
        points.add(new CheckPoint(points.size() + 1, point, source, status, detail, people));
    }

    private Milestones milestones(ReviewFigures review) {
        return DashboardService.milestones(cycle, review);
    }
}

package org.reviewcycle.reporting;

import static org.reviewcycle.reporting.DashboardTable.count;
import static org.reviewcycle.reporting.DashboardTable.days;
import static org.reviewcycle.reporting.DashboardTable.notCharted;
import static org.reviewcycle.reporting.DashboardTable.percent;
import static org.reviewcycle.reporting.DashboardTable.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reviewcycle.reporting.DashboardTable.Chart;
import org.reviewcycle.reporting.DashboardTable.Row;

/**
 * Moderation per appraiser, for the head: how many objectives each sets, how often the head returns them,
 * and how often they judge objectives met, against the rest of the school's appraisers. An appraiser whose
 * figure stands apart from the others' (by {@value #OBJECTIVES_APART} objectives per person, half a return
 * per person, or {@value #MET_APART} points of "met" over at least {@value #FEWEST_OUTCOMES} outcomes) is
 * named as an outlier, with the reason.
 */
final class Moderation {

    static final double OBJECTIVES_APART = 1.5;
    static final double RETURNS_APART = 0.5;
    static final double MET_APART = 30;
    static final int FEWEST_OUTCOMES = 3;

    private Moderation() {
    }

    private record Appraiser(String name, int reviewees, int objectives, int returned, int met, int outcomes) {

        double objectivesPerPerson() {
            return reviewees == 0 ? 0 : (double) objectives / reviewees;
        }

        double returnsPerPerson() {
            return reviewees == 0 ? 0 : (double) returned / reviewees;
        }

        double metShare() {
            return DashboardService.share(met, outcomes);
        }

        Appraiser plus(ReviewFigures r) {
            return new Appraiser(name, reviewees + 1, objectives + r.objectives(), returned + r.returnedRounds(),
                    met + r.met(), outcomes + r.outcomes());
        }

        Appraiser without(Appraiser other) {
            return new Appraiser("others", reviewees - other.reviewees, objectives - other.objectives,
                    returned - other.returned, met - other.met, outcomes - other.outcomes);
        }
    }

    static DashboardTable table(List<ReviewFigures> reviews) {
        var byAppraiser = new LinkedHashMap<Long, Appraiser>();
        var school = new Appraiser("school", 0, 0, 0, 0, 0);
        for (ReviewFigures r : reviews) {
            byAppraiser.merge(r.reviewerId(), new Appraiser(r.reviewerName(), 0, 0, 0, 0, 0).plus(r),
                    (a, b) -> a.plus(r));
            school = school.plus(r);
        }
        var rows = new ArrayList<Row>();
        for (Map.Entry<Long, Appraiser> entry : byAppraiser.entrySet()) {
            Appraiser a = entry.getValue();
            Appraiser others = school.without(a);
            rows.add(new Row(a.name(), a.reviewees(), List.<Object>of(a.reviewees(),
                    DashboardService.oneDecimal(a.objectivesPerPerson()),
                    a.returned(), a.metShare(), others.reviewees() == 0 ? "" : outlier(a, others))));
        }
        rows.sort((x, y) -> x.label().compareTo(y.label()));
        return new DashboardTable("moderation", "Moderation: each appraiser against the others",
                "Objectives set per person, rounds returned by the head, and the share of objectives judged met at the final "
                        + "review; an appraiser far from the others is named with the reason.",
                "Appraiser", List.of(notCharted(count("Reviewees")), days("Objectives per person"),
                        notCharted(count("Returned by the head")), percent("Objectives met"), text("Stands apart")),
                Chart.BARS, rows);
    }

    private static String outlier(Appraiser a, Appraiser others) {
        var reasons = new ArrayList<String>();
        double objectives = a.objectivesPerPerson() - others.objectivesPerPerson();
        if (Math.abs(objectives) >= OBJECTIVES_APART) {
            reasons.add(String.format("sets %s objectives (%.1f per person against %.1f)", objectives > 0 ? "more" : "fewer",
                    a.objectivesPerPerson(), others.objectivesPerPerson()));
        }
        if (a.returnsPerPerson() - others.returnsPerPerson() >= RETURNS_APART) {
            reasons.add(String.format("objectives returned more often (%.1f per person against %.1f)",
                    a.returnsPerPerson(), others.returnsPerPerson()));
        }
        if (a.outcomes() >= FEWEST_OUTCOMES && others.outcomes() >= FEWEST_OUTCOMES
                && Math.abs(a.metShare() - others.metShare()) >= MET_APART) {
            reasons.add(String.format("judges objectives met %s often (%.0f%% against %.0f%%)",
                    a.metShare() > others.metShare() ? "more" : "less", a.metShare(), others.metShare()));
        }
        return String.join("; ", reasons);
    }
}

package org.reviewcycle.reporting;

import java.util.List;
import java.util.Optional;

import org.reviewcycle.school.ReviewCycle;
import org.reviewcycle.school.School;

/**
 * A school's dashboard for one cycle: its tables (each drawn as a chart) and the process checklist.
 * {@code forGovernors}: in aggregate only, small groups suppressed, no names, no links to records.
 * {@code cycle} is empty when the school has no cycle yet.
 */
public record SchoolDashboard(School school, Optional<ReviewCycle> cycle, String previousYear, List<DashboardTable> tables,
        List<CheckPoint> checklist, boolean forGovernors) {

    public Optional<DashboardTable> table(String id) {
        return tables.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public long checkPointsMet() {
        return checklist.stream().filter(c -> c.status() == CheckPoint.Status.MET).count();
    }

    public long checkPointsNotMet() {
        return checklist.stream().filter(c -> c.status() == CheckPoint.Status.NOT_MET).count();
    }
}

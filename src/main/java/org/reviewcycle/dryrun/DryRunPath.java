package org.reviewcycle.dryrun;

import java.util.List;

/**
 * The dry run of one staff category: the sample member of staff whose review was run, their
 * reviewer, the steps in order, whether the review came to its end, and what went wrong on the way.
 * A category whose members would get no review at a launch (the headteacher, whom governors review,
 * has no reviewer) is not run: {@code notRun} says why.
 */
public record DryRunPath(String category, String reviewee, String reviewer, String notRun, List<DryRunStep> steps,
        boolean ended, List<String> problems) {

    static DryRunPath notRun(String category, String reviewee, String reason) {
        return new DryRunPath(category, reviewee, "", reason, List.of(), false, List.of());
    }

    public boolean run() {
        return notRun == null;
    }
}

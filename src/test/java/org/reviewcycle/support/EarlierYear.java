package org.reviewcycle.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.reviewcycle.objective.ObjectiveDraft;
import org.reviewcycle.objective.ObjectiveService;
import org.reviewcycle.review.FinalReviewDraft;
import org.reviewcycle.review.Outcome;
import org.reviewcycle.review.OutcomeEntry;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.school.ReviewCycle;
import org.reviewcycle.school.SchoolService;

/**
 * A finished review of an earlier academic year for one member of a {@link TestSchool}, written
 * straight through the services: objective N is titled "Objective N of YEAR" and has the Nth
 * outcome given, at the final review.
 */
public final class EarlierYear {

    private EarlierYear() {
    }

    /** {@code startYear} 2025 makes the cycle 2025/26. Returns the review's id. */
    public static long finishedReview(SchoolService schools, ReviewService reviews, ObjectiveService objectives,
            TestSchool school, long staffId, int startYear, Outcome... outcomes) {
        String year = startYear + "/" + String.valueOf(startYear + 1).substring(2);
        ReviewCycle cycle = schools.planCycle(new ReviewCycle(null, school.school().id(), year,
                LocalDate.of(startYear, 10, 31), LocalDate.of(startYear + 1, 2, 1), LocalDate.of(startYear + 1, 6, 14),
                LocalDate.of(startYear + 1, 7, 16), null));
        long reviewId = reviews.openReview(cycle.id(), staffId, school.leader().id()).id();
        var drafts = new ArrayList<ObjectiveDraft>();
        var entries = new ArrayList<OutcomeEntry>();
        for (int i = 0; i < outcomes.length; i++) {
            drafts.add(new ObjectiveDraft("Objective " + (i + 1) + " of " + year, i % 2 == 0 ? "W1" : "M1",
                    "Criteria " + (i + 1), "Evidence " + (i + 1), null, false));
            entries.add(new OutcomeEntry(i + 1, outcomes[i], "Found at the final review: " + outcomes[i].label()));
        }
        objectives.submitObjectives(reviewId, drafts);
        reviews.recordFinalReview(reviewId, new FinalReviewDraft(List.copyOf(entries), "Pupils", "Practice",
                "Colleagues", null, null, null, null, null), false);
        reviews.complete(reviewId);
        return reviewId;
    }
}

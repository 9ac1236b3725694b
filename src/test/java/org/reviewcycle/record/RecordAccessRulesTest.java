package org.reviewcycle.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.reviewcycle.review.ReviewState;
import org.reviewcycle.staff.StaffCategory;
import org.reviewcycle.staff.StaffMember;

/** RecordAccess's rule on its own, for the cases the pages cannot reach easily. */
class RecordAccessRulesTest {

    static final long SCHOOL_A = 1;
    static final long SCHOOL_B = 2;

    final RecordAccess access = new RecordAccess();
    final StaffMember reviewee = person(10, SCHOOL_A, StaffCategory.TEACHER_MPG);
    final PastReview review = new PastReview(100L, 10L, SCHOOL_A, "School A", "2026/27", ReviewState.IN_PROGRESS,
            null, 20L, "Rita Reviewer");

    static StaffMember person(long id, long schoolId, StaffCategory category) {
        return new StaffMember(id, schoolId, "p" + id, "First" + id, "Last" + id, null, "Job", category, true, false,
                null, null, null, LocalDate.of(2020, 9, 1), null, false);
    }

    @Test
    void theReviewerReadsTheReviewTheyHeldAtTheirSchool() {
        assertThat(access.grant(person(20, SCHOOL_A, StaffCategory.DEPUTY_HEAD), review, reviewee, false))
                .contains(RecordAccess.Grant.REVIEWER);
    }

    @Test
    void aReviewerWhoHasMovedToAnotherSchoolNoLongerReadsTheReviewsTheyHeldThere() {
        assertThat(access.grant(person(20, SCHOOL_B, StaffCategory.DEPUTY_HEAD), review, reviewee, false)).isEmpty();
        assertThat(access.grant(person(20, SCHOOL_B, StaffCategory.DEPUTY_HEAD), review, reviewee, true)).isEmpty();
    }
}

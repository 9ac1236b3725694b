package org.reviewcycle.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

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

    @Test
    void aTrustAdminReadsOnlyWhereTheyAreTheSchoolsOwnAdministrator() {
        var trustAdminElsewhere = new StaffMember(30L, SCHOOL_B, "p30", "Tess", "Trust", null, "Trust IT lead",
                StaffCategory.ADMINISTRATOR, true, true, null, null, null, null, null, true);
        var trustAdminHere = new StaffMember(31L, SCHOOL_A, "p31", "Tom", "Trust", null, "Business manager",
                StaffCategory.ADMINISTRATOR, true, true, null, null, null, null, null, true);
        assertThat(access.grant(trustAdminElsewhere, review, reviewee, true)).isEmpty();
        assertThat(access.grant(trustAdminHere, review, reviewee, false)).contains(RecordAccess.Grant.ADMIN_OF_SCHOOL);
    }

    @Test
    void thePayRecommendationIsForTheRevieweeReviewerHeadAndNamedAdministratorsOnly() {
        for (var grant : List.of(RecordAccess.Grant.REVIEWEE, RecordAccess.Grant.REVIEWER,
                RecordAccess.Grant.HEAD_OF_SCHOOL)) {
            assertThat(access.seesPay(grant, false)).as(grant.name()).isTrue();
        }
        assertThat(access.seesPay(RecordAccess.Grant.ADMIN_OF_SCHOOL, false)).isFalse();
        assertThat(access.seesPay(RecordAccess.Grant.ADMIN_OF_SCHOOL, true)).isTrue();
        assertThat(access.seesPay(RecordAccess.Grant.HEAD_OF_SCHOOL_MOVED_TO, true)).isFalse();
    }

    @Test
    void onlyTheSchoolsHeadAndAdministratorsAnswerForItsRecordsAsAWhole() {
        assertThat(access.answersForSchool(person(40, SCHOOL_A, StaffCategory.HEADTEACHER), SCHOOL_A)).isTrue();
        assertThat(access.answersForSchool(person(40, SCHOOL_A, StaffCategory.HEADTEACHER), SCHOOL_B)).isFalse();
        assertThat(access.answersForSchool(person(41, SCHOOL_A, StaffCategory.DEPUTY_HEAD), SCHOOL_A)).isFalse();
        assertThat(access.answersForSchool(null, SCHOOL_A)).isFalse();
    }
}

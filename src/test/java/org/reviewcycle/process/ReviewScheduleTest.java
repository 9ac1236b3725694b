package org.reviewcycle.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.reviewcycle.review.ReviewFacts;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.school.ReviewCycle;
import org.reviewcycle.staff.StaffCategory;
import org.reviewcycle.staff.StaffMember;

/**
 * The self-review's due date, which is also when its timer (Boundary_SelfReviewNotWritten) carries the
 * review on without it: the final reviews open on 14 June, so it is due on 21 June at the end of the day.
 */
class ReviewScheduleTest {

    private static final long REVIEW_ID = 7;
    private static final ReviewCycle CYCLE = new ReviewCycle(1L, 1L, "2026/27", LocalDate.of(2026, 10, 31),
            LocalDate.of(2027, 2, 1), LocalDate.of(2027, 6, 14), LocalDate.of(2027, 7, 16), null);
    private static final StaffMember TEACHER = new StaffMember(3L, 1L, "amy.clarke", "Amy", "Clarke", null, "Teacher",
            StaffCategory.TEACHER_MPG, true, false, null, "T1", null, null, null, false);

    private final ReviewService reviews = mock(ReviewService.class);
    private final DelegateExecution atTheSelfReview = mock(DelegateExecution.class);

    ReviewScheduleTest() {
        when(reviews.facts(REVIEW_ID)).thenReturn(new ReviewFacts(null, CYCLE, null, TEACHER, null));
        when(atTheSelfReview.getVariable(AnnualReviewCycleProcess.Variables.REVIEW_ID)).thenReturn(REVIEW_ID);
        when(atTheSelfReview.getCurrentActivityId()).thenReturn(AnnualReviewCycleProcess.Elements.SELF_REVIEW);
    }

    private Date selfReviewDueWhenItOpens(String opened) {
        return new ReviewSchedule(reviews, () -> Timestamp.valueOf(opened)).dueDate(atTheSelfReview);
    }

    @Test
    void theSelfReviewIsDueAWeekAfterTheFinalReviewsOpen() {
        assertThat(selfReviewDueWhenItOpens("2027-06-14 00:00:00").getTime())
                .isEqualTo(Timestamp.valueOf("2027-06-21 17:00:00").getTime());
        // brought forward by an admin: still the cycle's date
        assertThat(selfReviewDueWhenItOpens("2027-05-20 10:30:00").getTime())
                .isEqualTo(Timestamp.valueOf("2027-06-21 17:00:00").getTime());
    }

    @Test
    void aReviewReachingTheSelfReviewAfterItsDueDateGivesTheRevieweeAWeekFromThatDay() {
        assertThat(selfReviewDueWhenItOpens("2027-06-25 10:30:00").getTime())
                .isEqualTo(Timestamp.valueOf("2027-07-02 17:00:00").getTime());
        // on the due day itself, after the end of the school day
        assertThat(selfReviewDueWhenItOpens("2027-06-21 18:00:00").getTime())
                .isEqualTo(Timestamp.valueOf("2027-06-28 17:00:00").getTime());
    }
}

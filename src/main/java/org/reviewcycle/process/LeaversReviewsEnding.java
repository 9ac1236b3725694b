package org.reviewcycle.process;

import java.time.Clock;
import java.time.LocalDate;

import org.reviewcycle.review.Review;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Someone marked as leaving on a day still to come (the end of term, say) keeps their review until
 * their last day, so that they can finish what is due before they go; every night, the reviews of
 * staff whose last day has passed end with the reason "Left the school on ..." (the same as when
 * the leaving date is today or past at the time it is entered: StaffChangesListener). Each review
 * ends in a transaction of its own; on a cluster every node runs this, and a review ends once
 * (ReviewEnding ends only a review that is still running, under its row's lock).
 */
@Component
class LeaversReviewsEnding {

    private static final Logger log = LoggerFactory.getLogger(LeaversReviewsEnding.class);

    private final ReviewService reviews;
    private final StaffService staff;
    private final ReviewEnding ending;
    private final TransactionTemplate transaction;
    private final Clock clock;

    LeaversReviewsEnding(ReviewService reviews, StaffService staff, ReviewEnding ending,
            PlatformTransactionManager transactionManager, ObjectProvider<Clock> clock) {
        this.reviews = reviews;
        this.staff = staff;
        this.ending = ending;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    @Scheduled(cron = "${reviewcycle.leavers.end-reviews-cron:0 10 0 * * *}")
    void endReviewsOfLeavers() {
        int ended = endReviewsOfStaffWhoLeftBefore(LocalDate.now(clock));
        if (ended > 0) {
            log.info("Ended {} review(s) of staff whose last day has passed", ended);
        }
    }

    /** Ends the running reviews of staff whose last day was before {@code day}; returns how many ended now. */
    int endReviewsOfStaffWhoLeftBefore(LocalDate day) {
        int ended = 0;
        for (Review review : reviews.runningReviewsOfStaffWhoLeftBefore(day)) {
            StaffMember leaver = staff.find(review.staffId()).orElseThrow();
            String reason = StaffChangesListener.leftReason(leaver.leftOn());
            if (Boolean.TRUE.equals(transaction.execute(status -> {
                boolean now = ending.end(review.id(), reason);
                if (now) {
                    reviews.recordEndedByChange(review.id(), reason);
                }
                return now;
            }))) {
                ended++;
            }
        }
        return ended;
    }
}

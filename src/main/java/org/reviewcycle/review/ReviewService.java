package org.reviewcycle.review;

import java.util.List;
import java.util.Optional;

import org.reviewcycle.common.CurrentActor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The entry point for reviews: one per member of staff per cycle. */
@Service
@Transactional
public class ReviewService {

    private final ReviewMapper reviews;
    private final CurrentActor actor;

    ReviewService(ReviewMapper reviews, CurrentActor actor) {
        this.reviews = reviews;
        this.actor = actor;
    }

    /** The person's review in the cycle: the existing one, or a new one in state LAUNCHING. */
    public Review openReview(long cycleId, long staffId, long reviewerId) {
        var existing = reviews.selectByCycleAndStaff(cycleId, staffId);
        if (existing.isPresent()) {
            return existing.get();
        }
        reviews.insertReview(new Review(null, cycleId, staffId, reviewerId, ReviewState.LAUNCHING, null),
                actor.username());
        return reviews.selectByCycleAndStaff(cycleId, staffId).orElseThrow();
    }

    /** Records the process instance that runs the review; a review is started once only. */
    public void markStarted(long reviewId, String processInstanceId) {
        if (reviews.updateStarted(reviewId, processInstanceId, actor.username()) != 1) {
            throw new IllegalStateException("Review " + reviewId + " does not exist or has been started already");
        }
    }

    public void changeState(long reviewId, ReviewState state) {
        if (reviews.updateState(reviewId, state, actor.username()) != 1) {
            throw new IllegalArgumentException("No review with id " + reviewId);
        }
    }

    @Transactional(readOnly = true)
    public Optional<Review> find(long id) {
        return reviews.selectById(id);
    }

    @Transactional(readOnly = true)
    public List<Review> reviewsIn(long cycleId) {
        return reviews.selectByCycle(cycleId);
    }
}

package org.reviewcycle.review;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** SQL in ReviewRecordMapper.xml: what each step of a review recorded. */
@Mapper
interface ReviewRecordMapper {

    void insertSelfReflection(@Param("reflection") SelfReflection reflection, @Param("actor") String actor);

    Optional<SelfReflection> selectSelfReflection(long reviewId);

    void insertMidYearCheck(@Param("reviewId") long reviewId, @Param("overallNote") String overallNote,
            @Param("objectivesChanged") boolean objectivesChanged, @Param("actor") String actor);

    Optional<Long> selectMidYearCheckId(long reviewId);

    void insertMidYearProgress(@Param("checkId") long checkId, @Param("progress") MidYearProgress progress,
            @Param("actor") String actor);

    List<MidYearProgress> selectMidYearProgress(long reviewId);

    void insertFinalReview(@Param("review") FinalReview review, @Param("actor") String actor);

    Optional<FinalReview> selectLatestFinalReview(long reviewId);

    void insertOutcome(@Param("finalReviewId") long finalReviewId, @Param("outcome") ObjectiveOutcome outcome,
            @Param("actor") String actor);

    List<ObjectiveOutcome> selectOutcomes(long finalReviewId);

    default void insertRevieweeSignOff(long finalReviewId, String comments, String actor) {
        insertRevieweeSignOff(finalReviewId, comments, null, actor);
    }

    void insertRevieweeSignOff(@Param("finalReviewId") long finalReviewId, @Param("comments") String comments,
            @Param("disagreementReason") String disagreementReason, @Param("actor") String actor);

    Optional<RevieweeSignOff> selectRevieweeSignOff(long finalReviewId);

    void insertFinalReviewDecision(@Param("decision") FinalReviewDecision decision, @Param("actor") String actor);

    List<FinalReviewDecision> selectFinalReviewDecisions(long reviewId);

    void insertSelfReview(@Param("reviewId") long reviewId, @Param("overall") String overall,
            @Param("actor") String actor);

    void insertSelfReviewObjective(@Param("reviewId") long reviewId, @Param("objectiveId") long objectiveId,
            @Param("achieved") String achieved, @Param("evidence") String evidence, @Param("actor") String actor);

    Optional<SelfReview> selectSelfReview(long reviewId);

    List<SelfReviewObjective> selectSelfReviewObjectives(long reviewId);

    void insertDisagreementAnswer(@Param("reviewId") long reviewId, @Param("subject") DisagreementSubject subject,
            @Param("round") int round, @Param("response") String response,
            @Param("objectivesStand") Boolean objectivesStand, @Param("actor") String actor);

    List<Disagreement> selectDisagreements(long reviewId);

    List<CarriedCpdNeed> selectCpdNeedsCarriedForward(long reviewId);

    List<CarriedObjective> selectCarriedForward(@Param("reviewId") long reviewId,
            @Param("outcomes") Collection<Outcome> outcomes);
}

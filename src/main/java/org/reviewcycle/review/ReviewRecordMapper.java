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

    void insertRevieweeSignOff(@Param("finalReviewId") long finalReviewId, @Param("comments") String comments,
            @Param("actor") String actor);

    Optional<RevieweeSignOff> selectRevieweeSignOff(long finalReviewId);

    void insertFinalReviewDecision(@Param("decision") FinalReviewDecision decision, @Param("actor") String actor);

    List<FinalReviewDecision> selectFinalReviewDecisions(long reviewId);

    List<CarriedObjective> selectCarriedForward(@Param("reviewId") long reviewId,
            @Param("outcomes") Collection<Outcome> outcomes);
}

package org.reviewcycle.record;

import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * SQL in RecordMapper.xml: a person's reviews in every school of the trust, the trust's settings, one
 * review's whole record (read from the review, objective, observation, self-review and disagreement tables), the access log and the
 * school's pay readers (V15).
 */
@Mapper
interface RecordMapper {

    List<PastReview> selectReviewsOf(long staffId);

    Optional<PastReview> selectReview(long reviewId);

    boolean selectPastReviewsFollowMovers();

    int updatePastReviewsFollowMovers(@Param("value") boolean value, @Param("actor") String actor);

    // ==== one review's record ====

    ReviewRecord.Person selectPerson(long staffId);

    ReviewRecord.Person selectHeadOf(long schoolId);

    ReviewRecord.Reflection selectReflection(long reviewId);

    List<ReviewRecord.RecordObjective> selectObjectives(long reviewId);

    List<ReviewRecord.Answer> selectObjectiveDecisions(long reviewId);

    List<ReviewRecord.Answer> selectObjectiveResponses(long reviewId);

    ReviewRecord.MidYear selectMidYear(long reviewId);

    List<ReviewRecord.Progress> selectMidYearProgress(long reviewId);

    List<ReviewRecord.Observation> selectObservations(long reviewId);

    List<ObservationFocus> selectObservationFocus(long reviewId);

    ReviewRecord.SelfReview selectSelfReview(long reviewId);

    List<ReviewRecord.Achievement> selectSelfReviewAchievements(long reviewId);

    List<ReviewRecord.FinalReviewText> selectFinalReviews(long reviewId);

    List<ReviewRecord.RecordOutcome> selectOutcomes(long reviewId);

    List<ReviewRecord.Answer> selectRevieweeSignOffs(long reviewId);

    List<ReviewRecord.Answer> selectFinalReviewDecisions(long reviewId);

    List<ReviewRecord.Answer> selectObjectivesDisagreementAnswers(long reviewId);

    List<ReviewRecord.Answer> selectFinalReviewDisagreementAnswers(long reviewId);

    // ==== the access log ====

    int insertRead(@Param("reviewId") long reviewId, @Param("readerId") long readerId,
            @Param("role") RecordAccess.Grant role, @Param("what") RecordRead.What what);

    List<RecordRead> selectReadsOfReviewsOf(long staffId);

    // ==== pay readers ====

    List<Long> selectPayReaderIds(long schoolId);

    boolean selectIsPayReader(@Param("schoolId") long schoolId, @Param("staffId") long staffId);

    int insertPayReader(@Param("schoolId") long schoolId, @Param("staffId") long staffId, @Param("actor") String actor);

    int deletePayReader(@Param("schoolId") long schoolId, @Param("staffId") long staffId);

    // ==== a cycle's reviews ====

    List<Long> selectReviewIdsOfCycle(long cycleId);
}

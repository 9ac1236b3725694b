package org.reviewcycle.review;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** SQL in ReviewMapper.xml. */
@Mapper
interface ReviewMapper {

    void insertReviews(@Param("reviews") List<Review> reviews, @Param("actor") String actor);

    Optional<Review> selectById(long id);

    Optional<Review> selectByCycleAndStaff(@Param("cycleId") long cycleId, @Param("staffId") long staffId);

    List<Review> selectByCycle(long cycleId);

    List<Review> selectByCycleAndStaffIds(@Param("cycleId") long cycleId, @Param("staffIds") List<Long> staffIds);

    Optional<ReviewFacts> selectFacts(long id);

    /** Sets the process instance of each review (id to instance id) that has none yet; returns how many. */
    int updateStarted(@Param("instances") Map<Long, String> processInstanceIdByReviewId, @Param("actor") String actor);

    int updateState(@Param("id") long id, @Param("state") ReviewState state, @Param("actor") String actor);

    int updateEnded(@Param("id") long id, @Param("reason") String reason, @Param("actor") String actor);

    Optional<String> selectEndReason(long id);

    List<Review> selectRunningByStaff(long staffId);

    List<Review> selectRunningOfStaffWhoLeftBefore(@Param("day") LocalDate day);

    int updateReviewer(@Param("id") long id, @Param("reviewerId") long reviewerId, @Param("actor") String actor);
}

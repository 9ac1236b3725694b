package org.reviewcycle.review;

import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** SQL in ReviewMapper.xml. */
@Mapper
interface ReviewMapper {

    void insertReview(@Param("review") Review review, @Param("actor") String actor);

    Optional<Review> selectById(long id);

    Optional<Review> selectByCycleAndStaff(@Param("cycleId") long cycleId, @Param("staffId") long staffId);

    List<Review> selectByCycle(long cycleId);

    int updateStarted(@Param("id") long id, @Param("processInstanceId") String processInstanceId,
            @Param("actor") String actor);

    int updateState(@Param("id") long id, @Param("state") ReviewState state, @Param("actor") String actor);
}

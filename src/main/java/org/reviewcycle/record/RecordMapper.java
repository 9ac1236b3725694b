package org.reviewcycle.record;

import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** SQL in RecordMapper.xml: a person's reviews in every school of the trust, and the trust's settings. */
@Mapper
interface RecordMapper {

    List<PastReview> selectReviewsOf(long staffId);

    Optional<PastReview> selectReview(long reviewId);

    boolean selectPastReviewsFollowMovers();

    int updatePastReviewsFollowMovers(@Param("value") boolean value, @Param("actor") String actor);
}

package org.reviewcycle.objective;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** SQL in ObjectiveMapper.xml. */
@Mapper
interface ObjectiveMapper {

    java.util.Optional<ReviewScope> selectReviewScope(long reviewId);

    void insertObjective(@Param("objective") Objective objective, @Param("actor") String actor);

    int selectCurrentRound(long reviewId);

    List<Objective> selectRound(@Param("reviewId") long reviewId, @Param("round") int round);

    /** The latest joint objective of each team, among the reviews of one cycle. */
    List<Objective> selectLatestJointObjectives(@Param("cycleId") long cycleId, @Param("teamIds") List<Long> teamIds);

    void insertDecision(@Param("decision") ObjectiveDecision decision, @Param("actor") String actor);

    List<ObjectiveDecision> selectDecisions(long reviewId);

    void insertResponse(@Param("response") ObjectiveResponse response, @Param("actor") String actor);

    List<ObjectiveResponse> selectResponses(long reviewId);
}

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

    // --- joint objectives a team's leader proposes ---

    void insertTeamObjective(@Param("row") NewTeamObjectiveRow row, @Param("actor") String actor);

    java.util.Optional<TeamObjective> selectTeamObjective(long id);

    /** A team's proposals for a cycle, the withdrawn ones too, in the order they were proposed. */
    List<TeamObjective> selectTeamObjectives(@Param("teamId") long teamId, @Param("cycleId") long cycleId);

    /** Every team's proposals of a school's cycle, withdrawn ones too, by team and in the order proposed. */
    List<TeamObjective> selectTeamObjectivesOfCycle(long cycleId);

    /** The proposals not withdrawn of every team {@code staffId} is a member of, for a cycle. */
    List<TeamObjective> selectTeamObjectivesOffered(@Param("cycleId") long cycleId, @Param("staffId") long staffId);

    int updateTeamObjective(@Param("objective") TeamObjective objective, @Param("actor") String actor);

    int withdrawTeamObjective(@Param("id") long id, @Param("actor") String actor);

    /** Insert parameters; {@code id} is filled in by the insert. */
    final class NewTeamObjectiveRow {
        private Long id;
        private final TeamObjective objective;

        NewTeamObjectiveRow(TeamObjective objective) {
            this.objective = objective;
        }

        public Long getId() {
            return id;
        }

        public void setId(Long id) {
            this.id = id;
        }

        public TeamObjective getObjective() {
            return objective;
        }
    }
}

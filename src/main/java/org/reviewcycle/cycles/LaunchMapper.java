package org.reviewcycle.cycles;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.reviewcycle.process.LaunchReport;

/** SQL in LaunchMapper.xml: launches of cycles and whom they skipped. */
@Mapper
interface LaunchMapper {

    void insertLaunch(@Param("cycleId") long cycleId, @Param("startedBy") String startedBy,
            @Param("now") LocalDateTime now);

    Optional<Launch> selectLaunch(long id);

    Optional<Launch> selectLatestOfCycle(long cycleId);

    Optional<Launch> selectRunningOfCycle(long cycleId);

    List<Launch> selectRunningSince(@Param("heartbeatBefore") LocalDateTime heartbeatBefore);

    /** Claims an abandoned launch for this node: 1 on the node that wins, 0 on any other. */
    int claim(@Param("id") long id, @Param("seen") LocalDateTime seenHeartbeat, @Param("now") LocalDateTime now);

    int updatePlan(@Param("id") long id, @Param("toStart") int toStart, @Param("alreadyRunning") int alreadyRunning,
            @Param("now") LocalDateTime now);

    int addStarted(@Param("id") long id, @Param("started") int started, @Param("now") LocalDateTime now);

    Optional<LaunchState> selectState(long id);

    int updateState(@Param("id") long id, @Param("from") LaunchState from, @Param("state") LaunchState state);

    int updateEnded(@Param("id") long id, @Param("from") LaunchState from, @Param("state") LaunchState state,
            @Param("failure") String failure, @Param("now") LocalDateTime now);

    void deleteSkips(long launchId);

    void insertSkips(@Param("launchId") long launchId, @Param("skips") List<LaunchReport.Skipped> skips);

    List<LaunchSkip> selectSkips(long launchId);
}

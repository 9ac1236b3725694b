package org.reviewcycle.reporting;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The dashboards' queries (DashboardMapper.xml). */
@Mapper
interface DashboardMapper {

    List<ReviewFigures> selectReviewFigures(@Param("cycleId") long cycleId);

    List<TeamMembership> selectTeamMemberships(@Param("schoolId") long schoolId);

    StaffCoverage countStaffWithoutReview(@Param("schoolId") long schoolId, @Param("cycleId") long cycleId,
            @Param("today") LocalDate today);

    List<StepTime> selectStepTimes(@Param("cycleId") long cycleId, @Param("tenant") String tenant,
            @Param("now") LocalDateTime now);

    List<OverdueStep> selectOverdueSteps(@Param("cycleId") long cycleId, @Param("tenant") String tenant,
            @Param("now") java.time.LocalDateTime now, @Param("limit") int limit);

    List<WaitingStep> selectLongestWaiting(@Param("cycleId") long cycleId, @Param("tenant") String tenant,
            @Param("limit") int limit);

    List<PriorityFigures> selectPriorityFigures(@Param("schoolId") long schoolId, @Param("cycleId") long cycleId);

    int countObjectivesWithoutPriority(@Param("schoolId") long schoolId, @Param("cycleId") long cycleId);

    List<JudgementFigures> selectJudgements(@Param("cycleIds") Collection<Long> cycleIds);

    List<SchoolFigures> selectTrustFigures(@Param("academicYear") String academicYear, @Param("today") LocalDate today);

    List<SchoolPriorities> selectTrustPriorities(@Param("academicYear") String academicYear);

    List<SchoolStepTimes> selectTrustOpenSteps(@Param("processKey") String processKey, @Param("now") LocalDateTime now,
            @Param("stalledSeconds") long stalledSeconds);

    List<SchoolOutcomes> selectTrustOutcomes(@Param("academicYear") String academicYear);
}

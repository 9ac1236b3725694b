package org.reviewcycle.staff;

import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** SQL in TeamMapper.xml. */
@Mapper
interface TeamMapper {

    void insertTeam(@Param("team") Team team, @Param("actor") String actor);

    Optional<Team> selectBySchoolAndCode(@Param("schoolId") long schoolId, @Param("code") String code);

    List<Team> selectBySchool(long schoolId);

    List<Team> selectLedBy(long leaderId);

    void insertMember(@Param("teamId") long teamId, @Param("staffId") long staffId, @Param("actor") String actor);

    List<Long> selectMemberIds(long teamId);

    // --- the Teams page ---

    Optional<Team> selectById(long id);

    int updateTeam(@Param("id") long id, @Param("name") String name, @Param("leaderId") long leaderId,
            @Param("actor") String actor);

    int deleteMember(@Param("teamId") long teamId, @Param("staffId") long staffId);
}

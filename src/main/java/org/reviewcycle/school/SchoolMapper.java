package org.reviewcycle.school;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** SQL in SchoolMapper.xml. Inserts are looked up again by their natural keys (code, year). */
@Mapper
interface SchoolMapper {

    void insertSchool(@Param("code") String code, @Param("name") String name, @Param("actor") String actor);

    Optional<School> selectSchoolByCode(String code);

    Optional<School> selectSchoolById(long id);

    List<School> selectAllSchools();

    void insertPriority(@Param("priority") SchoolPriority priority, @Param("actor") String actor);

    List<SchoolPriority> selectPrioritiesBySchool(long schoolId);

    Optional<SchoolPriority> selectPriorityById(long id);

    void insertCycle(@Param("cycle") ReviewCycle cycle, @Param("actor") String actor);

    Optional<ReviewCycle> selectCycleById(long id);

    List<ReviewCycle> selectAllCycles();

    List<ReviewCycle> selectCyclesBySchool(long schoolId);

    Optional<ReviewCycle> selectCycleBySchoolAndYear(@Param("schoolId") long schoolId,
            @Param("academicYear") String academicYear);

    Optional<Long> selectCycleIdForUpdate(long id);

    int updateCycleState(@Param("id") long id, @Param("state") CycleState state, @Param("actor") String actor);

    // --- administration of schools and priorities (the Schools and Priorities pages) ---

    int updateSchoolName(@Param("id") long id, @Param("name") String name, @Param("actor") String actor);

    int updateSchoolClosedOn(@Param("id") long id, @Param("closedOn") LocalDate closedOn, @Param("actor") String actor);

    /** Staff counts per school (one school, or every school when {@code schoolId} is null). */
    List<StaffCount> selectStaffCounts(@Param("schoolId") Long schoolId, @Param("today") LocalDate today);

    List<ReviewCycle> selectCyclesOfYear(String academicYear);

    Optional<SchoolPriority> selectPriorityBySchoolAndCode(@Param("schoolId") long schoolId, @Param("code") String code);

    int updatePriority(@Param("priority") SchoolPriority priority, @Param("actor") String actor);

    void insertTrustPriority(@Param("priority") TrustPriority priority, @Param("actor") String actor);

    List<TrustPriority> selectTrustPriorities();

    Optional<TrustPriority> selectTrustPriorityById(long id);

    Optional<TrustPriority> selectTrustPriorityByCode(String code);

    int updateTrustPriority(@Param("priority") TrustPriority priority, @Param("actor") String actor);

    int updateCycleDates(@Param("cycle") ReviewCycle cycle, @Param("actor") String actor);
}

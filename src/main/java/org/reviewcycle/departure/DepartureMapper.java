package org.reviewcycle.departure;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.cursor.Cursor;

/** SQL in DepartureMapper.xml. {@code table} is a {@link SchoolTable}'s name. */
@Mapper
interface DepartureMapper {

    /** The school's rows of the table, column by column in the table's order, one at a time. */
    Cursor<Map<String, Object>> selectRows(@Param("table") String table, @Param("schoolId") long schoolId);

    long countRows(@Param("table") String table, @Param("schoolId") long schoolId);

    int deleteRows(@Param("table") String table, @Param("schoolId") long schoolId);

    void unlinkStaff(@Param("schoolId") long schoolId);

    /** The school's outbox and other schools' mail to its staff. */
    void deleteMail(@Param("schoolId") long schoolId);

    void deleteMailPreferences(@Param("schoolId") long schoolId);

    void deleteReminderSettings(@Param("schoolId") long schoolId);

    /** The school's staff whom another school's reviews name (as reviewee or reviewer): people who moved here. */
    List<KeptStaff> selectStaffWithRecordsElsewhere(@Param("schoolId") long schoolId);

    void updateKeptAsLeaver(@Param("staffId") long staffId, @Param("schoolId") long schoolId,
            @Param("leftOn") LocalDate leftOn, @Param("actor") String actor);

    /**
     * Other schools' staff (leavers, by then) whose reviewer or line manager ({@code link}: reviewer_id or
     * line_manager_id) is one of the school's staff lose that link.
     */
    void unlinkOtherSchoolsStaff(@Param("schoolId") long schoolId, @Param("link") String link);

    List<Long> selectReviewIds(@Param("schoolId") long schoolId);

    List<String> selectProcessInstanceIds(@Param("schoolId") long schoolId);
}

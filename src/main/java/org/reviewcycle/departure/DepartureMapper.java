package org.reviewcycle.departure;

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

    List<Long> selectReviewIds(@Param("schoolId") long schoolId);

    List<String> selectProcessInstanceIds(@Param("schoolId") long schoolId);
}

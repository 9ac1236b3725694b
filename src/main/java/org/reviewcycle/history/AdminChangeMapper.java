package org.reviewcycle.history;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** SQL in AdminChangeMapper.xml. */
@Mapper
interface AdminChangeMapper {

    void insertChange(@Param("change") AdminChange change);

    /** Newest first; {@code schoolId} null: the trust's own changes and every school's. */
    List<AdminChange> selectChanges(@Param("schoolId") Long schoolId, @Param("staffId") Long staffId,
            @Param("text") String text, @Param("limit") int limit, @Param("offset") int offset);

    long countChanges(@Param("schoolId") Long schoolId, @Param("staffId") Long staffId, @Param("text") String text);

    /** Many changes in one statement (an import of a school's staff). */
    void insertChanges(@Param("changes") List<AdminChange> changes);
}

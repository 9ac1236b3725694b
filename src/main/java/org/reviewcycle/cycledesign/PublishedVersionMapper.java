package org.reviewcycle.cycledesign;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** SQL in PublishedVersionMapper.xml. */
@Mapper
interface PublishedVersionMapper {

    void insertVersion(@Param("version") PublishedVersion version);

    List<PublishedVersion> selectBySchool(@Param("schoolId") long schoolId);

    /** The schools that have published a version of their own (in the editors, a rollback or an adoption). */
    List<Long> selectSchoolIdsWithVersions();
}

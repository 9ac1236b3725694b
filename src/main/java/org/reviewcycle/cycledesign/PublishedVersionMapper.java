package org.reviewcycle.cycledesign;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** SQL in PublishedVersionMapper.xml. */
@Mapper
interface PublishedVersionMapper {

    void insertVersion(@Param("version") PublishedVersion version);

    List<PublishedVersion> selectBySchool(@Param("schoolId") long schoolId);
}

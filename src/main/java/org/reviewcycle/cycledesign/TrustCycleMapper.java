package org.reviewcycle.cycledesign;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** SQL in TrustCycleMapper.xml: the trust's versions and files, and where each school's cycle comes from. */
@Mapper
interface TrustCycleMapper {

    void insertVersion(@Param("version") TrustVersion version);

    void insertFile(@Param("version") int version, @Param("file") TrustFile file);

    /** Newest first. */
    List<TrustVersion> selectVersions();

    /** The highest version number published by a trust admin, or null when none has been. */
    Integer selectLatestVersion();

    List<TrustFile> selectFiles(@Param("version") int version);

    /** The school's row as {follows_trust, trust_version}, or null when it has none. */
    SchoolCycleSource selectSource(@Param("schoolId") long schoolId);

    /** Every school's row. */
    List<SchoolCycleSource> selectSources();

    void deleteSource(@Param("schoolId") long schoolId);

    void insertSource(@Param("source") SchoolCycleSource source);

    /** A school's row in school_cycle_source. */
    record SchoolCycleSource(long schoolId, boolean followsTrust, Integer trustVersion) {
    }
}

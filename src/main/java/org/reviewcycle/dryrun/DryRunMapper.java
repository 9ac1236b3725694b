package org.reviewcycle.dryrun;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** SQL in DryRunMapper.xml. */
@Mapper
interface DryRunMapper {

    /**
     * A copy of the cycle {@code cycleId}, with its dates, under the made-up academic year
     * {@code academicYear}: the dry run's reviews go in it, beside (never into) the real cycle,
     * where each member of staff has one review only. Written in the dry run's transaction, which
     * is rolled back.
     */
    void insertSandboxCycle(@Param("cycleId") long cycleId, @Param("academicYear") String academicYear,
            @Param("actor") String actor);
}

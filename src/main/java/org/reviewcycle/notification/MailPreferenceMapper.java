package org.reviewcycle.notification;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** SQL in MailPreferenceMapper.xml: how each member of staff wants their mail (mail_preference, V18). */
@Mapper
interface MailPreferenceMapper {

    /** True when the member of staff chose one email a day; false (or no row) means each step as it comes. */
    boolean selectDailyDigest(long staffId);

    int update(@Param("staffId") long staffId, @Param("dailyDigest") boolean dailyDigest, @Param("by") String by);

    int insert(@Param("staffId") long staffId, @Param("dailyDigest") boolean dailyDigest, @Param("by") String by);

    /** The staff ids of everyone, in every school, who chose one email a day. */
    List<Long> selectDigestChoosers();
}

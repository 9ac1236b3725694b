package org.reviewcycle.notification;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** SQL in OutboxMapper.xml: the outbox (V18). */
@Mapper
interface OutboxMapper {

    /** Writes a waiting email, due now; nothing when its dedup key is there already. Returns rows written. */
    int insertWaiting(@Param("mail") OutgoingMail mail, @Param("rendered") RenderedMail rendered);
}

package org.reviewcycle.notification;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * SQL in OutboxMapper.xml: the outbox (V18). Times are the database's own clock (current_timestamp), so
 * that nodes whose clocks differ still agree on what is due and when a claim lapses.
 */
@Mapper
interface OutboxMapper {

    /** Writes a waiting email, due now; nothing when its dedup key is there already. Returns rows written. */
    int insertWaiting(@Param("mail") OutgoingMail mail, @Param("rendered") RenderedMail rendered);

    /** Whether an email with this dedup key has been written (sent or not). */
    boolean selectWritten(String dedupKey);

    // ==== the sender ====

    /** The oldest due emails' ids (waiting and due, or claimed by a node whose lease lapsed), without locking them. */
    List<Long> selectDueIds(@Param("candidates") int candidates);

    /** Locks up to {@code batch} of {@code ids} that are still due, skipping rows another node has locked. */
    List<Long> selectDueForUpdate(@Param("ids") List<Long> ids, @Param("batch") int batch);

    int updateClaimed(@Param("ids") List<Long> ids, @Param("node") String node, @Param("leaseSeconds") long leaseSeconds);

    List<ClaimedMail> selectClaimed(@Param("ids") List<Long> ids, @Param("node") String node);

    int updateSent(@Param("id") long id, @Param("node") String node);

    int updateToRetry(@Param("id") long id, @Param("node") String node, @Param("attempts") int attempts,
            @Param("error") String error, @Param("retrySeconds") long retrySeconds);

    int updateGivenUp(@Param("id") long id, @Param("node") String node, @Param("attempts") int attempts,
            @Param("error") String error);

    // ==== the administrators' page ====

    List<OutboxEntry> selectUnsent(@Param("schoolId") long schoolId, @Param("limit") int limit);

    OutboxCounts selectCounts(long schoolId);

    /** Makes a failed email of the school due again, with its tries counted afresh. */
    int updateSendAgain(@Param("schoolId") long schoolId, @Param("id") long id);

    int updateSendAllFailedAgain(long schoolId);
}

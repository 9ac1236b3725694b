package org.reviewcycle.passwordreset;

import java.time.LocalDateTime;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** SQL in PasswordResetMapper.xml: the links to choose a new password (V19), each kept as its token's SHA-256. */
@Mapper
interface PasswordResetMapper {

    void insertLink(@Param("staffId") long staffId, @Param("tokenHash") String tokenHash,
            @Param("createdAt") LocalDateTime createdAt, @Param("expiresAt") LocalDateTime expiresAt);

    /** How many links the member of staff was sent since {@code since}. */
    int countSentSince(@Param("staffId") long staffId, @Param("since") LocalDateTime since);

    /** The member of staff whose link this is, while it is unused and before it expires. */
    Optional<Long> selectStaffOfUsableLink(@Param("tokenHash") String tokenHash, @Param("now") LocalDateTime now);

    /** Marks the link used, only if it still is usable: 1, or 0 when another request used it first. */
    int updateUsed(@Param("tokenHash") String tokenHash, @Param("now") LocalDateTime now);

    /** Ends the member of staff's other links once one has been used. */
    int updateOthersUsed(@Param("staffId") long staffId, @Param("now") LocalDateTime now);
}

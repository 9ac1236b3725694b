package org.reviewcycle.staff;

import java.time.LocalDate;

/**
 * Published by {@link StaffService} inside the transaction that moves {@code staffId} (who logs in as
 * {@code username}) from one school of the trust to another, so that their review under way at the old
 * school ends and their open tasks there are handed on in the same transaction.
 */
public record StaffMoved(long staffId, String username, long fromSchoolId, String fromSchoolCode, long toSchoolId,
        String toSchoolName, LocalDate movedOn) {
}

package org.reviewcycle.staff;

import java.time.LocalDate;

/**
 * Published by {@link StaffService} inside the transaction that marks {@code staffId} as a leaver
 * on {@code leftOn}, so that a review under way can be ended with its reason in the same
 * transaction. The person and their records are kept.
 */
public record StaffLeft(long staffId, LocalDate leftOn) {
}

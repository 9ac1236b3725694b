package org.reviewcycle.departure;

import java.time.LocalDate;

/**
 * A member of the leaving school's staff who moved there from another school of the trust: that school
 * ({@code schoolId}) keeps reviews of them, or reviews they held, so they stay on as its leaver.
 */
record KeptStaff(Long staffId, String name, Long schoolId, LocalDate startedOn) {
}

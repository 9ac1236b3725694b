package org.reviewcycle.staff;

import java.time.LocalDate;

import org.apache.ibatis.annotations.AutomapConstructor;

/**
 * A member of staff, who is also a user of the application and of Camunda ({@code username} is the
 * Camunda user id). {@code reviewerId} is the team leader who holds their review; the head has none.
 * {@code administrator} marks the people who run ReviewCycle for their school; {@code trustAdmin}
 * those who run it for every school of the trust. {@code staffNumber} is the school's MIS number
 * (the key of a staff import), {@code lineManagerId} who manages them day to day, {@code startedOn}
 * and {@code leftOn} when they joined and left the school (a leaver is kept, with their records).
 */
public record StaffMember(Long id, Long schoolId, String username, String firstName, String lastName, String email,
        String jobTitle, StaffCategory category, boolean active, boolean administrator, Long reviewerId,
        String staffNumber, Long lineManagerId, LocalDate startedOn, LocalDate leftOn, boolean trustAdmin) {

    /** The constructor MyBatis maps rows with. */
    @AutomapConstructor
    public StaffMember {
    }

    /** A member of staff without MIS details (added by hand, or before the school imported its staff). */
    public StaffMember(Long id, Long schoolId, String username, String firstName, String lastName, String email,
            String jobTitle, StaffCategory category, boolean active, boolean administrator, Long reviewerId) {
        this(id, schoolId, username, firstName, lastName, email, jobTitle, category, active, administrator, reviewerId,
                null, null, null, null, false);
    }

    public String fullName() {
        return firstName + " " + lastName;
    }
}

package org.reviewcycle.staff;

/**
 * A member of staff, who is also a user of the application and of Camunda ({@code username} is the
 * Camunda user id). {@code reviewerId} is the team leader who holds their review; the head has none.
 * {@code administrator} marks the people who run ReviewCycle for the school (Cockpit, Admin).
 */
public record StaffMember(Long id, Long schoolId, String username, String firstName, String lastName, String email,
        String jobTitle, StaffCategory category, boolean active, boolean administrator, Long reviewerId) {

    public String fullName() {
        return firstName + " " + lastName;
    }
}

package org.reviewcycle.staff;

import java.time.LocalDate;

/** A line of the staff page: the person, their reviewer's name, and whether they can log in yet. */
public record StaffListEntry(Long id, String firstName, String lastName, String email, String jobTitle,
        StaffCategory category, String staffNumber, String reviewerName, LocalDate startedOn, LocalDate leftOn,
        boolean active, boolean hasPassword) {

    public String fullName() {
        return firstName + " " + lastName;
    }
}

package org.reviewcycle.staff;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/** What the staff page's add and edit form holds; the reviewer and line manager are staff ids. */
public record StaffDetails(String firstName, String lastName, String email, String jobTitle, StaffCategory category,
        String staffNumber, Long reviewerId, Long lineManagerId,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startedOn) {

    static StaffDetails of(StaffMember member) {
        return new StaffDetails(member.firstName(), member.lastName(), member.email(), member.jobTitle(),
                member.category(), member.staffNumber(), member.reviewerId(), member.lineManagerId(),
                member.startedOn());
    }

    public static StaffDetails empty() {
        return new StaffDetails(null, null, null, null, null, null, null, null, null);
    }
}

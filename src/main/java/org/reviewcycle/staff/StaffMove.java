package org.reviewcycle.staff;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What the "Move to another school" form holds: the school they move to, their first day there, and who
 * they are at the new school (category, job title, MIS staff number; reviewer, line manager and team chosen
 * from that school's staff and teams).
 */
public record StaffMove(Long toSchoolId, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate movedOn,
        StaffCategory category, String jobTitle, String staffNumber, Long reviewerId, Long lineManagerId,
        Long teamId) {

    /** The form as first shown: the person's category and job title kept, everything of the new school to choose. */
    static StaffMove startingFrom(StaffMember member, Long toSchoolId) {
        return new StaffMove(toSchoolId, LocalDate.now(), member.category(), member.jobTitle(), null, null, null,
                null);
    }
}

package org.reviewcycle.notification;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;

import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffService;
import org.springframework.stereotype.Component;

/**
 * Who may be written to about a school's steps: a member of staff of that school (someone who moved to
 * another school is not written to about this one's), still working there (their leaving date counts as a day
 * worked), with an email address. And how dates read in an email.
 */
@Component
class MailRecipients {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    private final StaffService staff;

    MailRecipients(StaffService staff) {
        this.staff = staff;
    }

    Optional<StaffMember> byUsername(long schoolId, String username) {
        return username == null ? Optional.empty() : staff.findByUsername(username).filter(p -> writable(schoolId, p));
    }

    Optional<StaffMember> byId(long schoolId, Long staffId) {
        return staffId == null ? Optional.empty() : staff.find(staffId).filter(p -> writable(schoolId, p));
    }

    /** The member of staff, if they may be written to about their own school's steps. */
    Optional<StaffMember> working(long staffId) {
        return staff.find(staffId).filter(p -> p.schoolId() != null && writable(p.schoolId(), p));
    }

    static boolean writable(long schoolId, StaffMember person) {
        LocalDate today = LocalDate.now();
        return person.schoolId() != null && person.schoolId() == schoolId && person.active()
                && (person.leftOn() == null || !person.leftOn().isBefore(today))
                && person.email() != null && !person.email().isBlank();
    }

    /** "Friday 11 December 2026", or null. */
    static String day(Date date) {
        return date == null ? null : day(date.toInstant().atZone(java.time.ZoneId.systemDefault()).toLocalDate());
    }

    static String day(LocalDate date) {
        return date == null ? null : DAY.format(date);
    }
}

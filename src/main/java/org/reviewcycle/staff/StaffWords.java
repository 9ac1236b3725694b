package org.reviewcycle.staff;

import java.util.LinkedHashMap;
import java.util.Map;

import org.reviewcycle.history.AdministrationHistory.Subject;

/** A member of staff's details in the words of the staff page, for the history of changes. */
final class StaffWords {

    private StaffWords() {
    }

    static Map<String, String> of(StaffMember member, String reviewerName, String lineManagerName) {
        var words = new LinkedHashMap<String, String>();
        words.put("Name", member.fullName());
        words.put("Email", member.email());
        words.put("Job title", member.jobTitle());
        words.put("Category", member.category() == null ? null : member.category().label());
        words.put("Staff number", orNone(member.staffNumber()));
        words.put("Reviewer", orNone(reviewerName));
        words.put("Line manager", orNone(lineManagerName));
        words.put("Start date", StaffImport.formatDate(member.startedOn()));
        words.put("Leaving date", StaffImport.formatDate(member.leftOn()));
        return words;
    }

    /** A member of staff as the subject of a change in the history. */
    static Subject subjectOf(StaffMember member) {
        return new Subject(member.schoolId(), member.id(), "Staff member", member.id(), member.fullName());
    }

    private static String orNone(String value) {
        return value == null || value.isBlank() ? "none" : value;
    }
}

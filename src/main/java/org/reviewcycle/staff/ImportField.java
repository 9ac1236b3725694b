package org.reviewcycle.staff;

import java.util.List;
import java.util.Locale;

/**
 * The fields a staff file can fill, in the order the mapping page shows them, each with the column
 * headings the common MIS exports give it (SIMS "Staff Code" and "Legal Surname", Arbor "Staff ID",
 * Bromcom "Employee Number"...), compared without case, spaces or punctuation. A school's own
 * mapping, once saved, is offered before these guesses.
 */
public enum ImportField {
    STAFF_NUMBER("Staff number", true, "staffcode", "staffid", "staffnumber", "staffno", "employeenumber",
            "employeeid", "employeeno", "payrollnumber", "personid"),
    FIRST_NAME("First name", true, "legalforename", "forename", "firstname", "preferredforename", "givenname",
            "forenames"),
    LAST_NAME("Last name", true, "legalsurname", "surname", "lastname", "preferredsurname", "familyname"),
    EMAIL("Email", true, "email", "emailaddress", "workemail", "workemailaddress", "schoolemail", "primaryemail",
            "mainemail"),
    JOB_TITLE("Job title (role)", true, "role", "jobtitle", "post", "posttitle", "position", "staffrole", "roles"),
    CATEGORY("Category", false, "category", "staffcategory", "stafftype", "employeetype", "paycategory"),
    TEAM("Team", false, "team", "teamname", "department", "dept", "yeargroup"),
    REVIEWER_STAFF_NUMBER("Reviewer's staff number", false, "reviewerstaffcode", "reviewerstaffid",
            "reviewerstaffnumber", "reviewer", "appraiser", "appraiserstaffcode", "appraiserstaffid",
            "appraiseremployeenumber", "linemanagerstaffcode", "linemanagerstaffid"),
    STARTED_ON("Start date", false, "startdate", "employmentstartdate", "employmentstart", "dateofarrival",
            "datejoined", "contractstartdate", "startedon", "servicestartdate"),
    LEFT_ON("Leaving date", false, "leavingdate", "enddate", "dateofleaving", "employmentenddate", "employmentend",
            "leftdate", "contractenddate", "lefton");

    private final String label;
    private final boolean required;
    private final List<String> headings;

    ImportField(String label, boolean required, String... headings) {
        this.label = label;
        this.required = required;
        this.headings = List.of(headings);
    }

    public String label() {
        return label;
    }

    /** Whether every file must have a column for it (the others may be left out). */
    public boolean required() {
        return required;
    }

    /** Whether a file's column heading is one the MIS exports use for this field. */
    boolean knows(String heading) {
        return headings.contains(normalised(heading));
    }

    static String normalised(String heading) {
        return heading == null ? "" : heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}

package org.reviewcycle.departure;

import java.util.ArrayList;
import java.util.List;

/**
 * Our tables that hold a school's rows, parents before children: the export writes them in this
 * order, the deletion goes the other way so that no row is removed before those that refer to it.
 * The columns are what the export's CSV files hold (a password hash is never exported).
 */
enum SchoolTable {
    SCHOOL("school", "school.csv", "The school", "id", "code", "name", "closed_on"),
    IMPORT_MAPPING("staff_import_mapping", "staff-import-mapping.csv", "The staff file's column matching", false,
            "school_id", "mapping", "updated_by", "updated_at"),
    // the uploaded file itself is not exported: it held the school's MIS export, which the school has
    IMPORT_UPLOADS("staff_import_upload", "staff-import-uploads.csv", "Staff files uploaded, not yet imported", false,
            "id", "file_name", "mapping", "created_by", "created_at"),
    // governors' logins (reporting), no password hash
    GOVERNORS("governor", "governors.csv", "Governors' accounts", "id", "username", "first_name", "last_name", "email",
            "active"),
    STAFF("staff_member", "staff.csv", "Members of staff", "id", "staff_number", "username", "first_name", "last_name", "email",
            "job_title", "category", "active", "administrator", "trust_admin", "reviewer_id", "line_manager_id",
            "started_on", "left_on"),
    TEAMS("team", "teams.csv", "Teams", "id", "code", "name", "leader_id"),
    TEAM_MEMBERS("team_member", "team-members.csv", "Team memberships", "team_id", "staff_id"),
    PRIORITIES("school_priority", "priorities.csv", "Improvement priorities", "id", "code", "title", "whole_school_target",
            "trust_priority_id"),
    CYCLES("review_cycle", "cycles.csv", "Appraisal cycles", "id", "academic_year", "objectives_agreed_by", "mid_year_check_from",
            "final_review_from", "final_review_due", "observations_by", "support_objectives_agreed_by",
            "support_mid_year_check_from", "support_final_review_from", "support_final_review_due", "new_starter_weeks",
            "state"),
    TEAM_OBJECTIVES("team_objective", "team-objectives.csv", "Joint objectives proposed by team leaders", "id", "team_id",
            "cycle_id", "priority_id", "title", "success_criteria", "evidence", "withdrawn_by", "withdrawn_at"),
    LAUNCHES("cycle_launch", "launches.csv", "Launches of cycles", false, "id", "cycle_id", "state", "to_start", "started",
            "already_running", "failure", "started_by", "started_at", "heartbeat_at", "finished_at"),
    LAUNCH_SKIPS("launch_skip", "launch-skipped.csv", "Staff a launch gave no review, and why", false, "launch_id",
            "staff_id", "reason"),
    REVIEWS("review", "reviews.csv", "Reviews", "id", "cycle_id", "staff_id", "reviewer_id", "state", "end_reason", "ended_at",
            "process_instance_id"),
    SELF_REFLECTIONS("self_reflection", "self-reflections.csv", "Self-reflections", "review_id", "strengths", "development_wishes",
            "objective_ideas"),
    OBJECTIVES("objective", "objectives.csv", "Objectives (every version)", "id", "review_id", "round", "position", "priority_id", "title",
            "success_criteria", "evidence", "cpd_support", "team_id", "team_objective_id"),
    DECISIONS("objective_decision", "objective-decisions.csv", "Head's decisions on objectives", "id", "review_id", "round", "decision", "reason"),
    RESPONSES("objective_response", "objective-responses.csv", "Responses to objectives", "id", "review_id", "round", "response", "reason"),
    MID_YEAR_CHECKS("mid_year_check", "mid-year-checks.csv", "Mid-year checks", "id", "review_id", "overall_note", "objectives_changed"),
    MID_YEAR_PROGRESS("mid_year_progress", "mid-year-progress.csv", "Mid-year progress notes", "check_id", "objective_id", "status", "note"),
    OBSERVATIONS("lesson_observation", "observations.csv", "Lesson observations", "id", "review_id", "observer", "observed_on", "judgement",
            "strengths", "areas_to_develop", "cpd_needs"),
    OBSERVATION_FOCUS("observation_focus", "observation-focus.csv", "Observation links to objectives", "observation_id", "objective_id"),
    FINAL_REVIEWS("final_review", "final-reviews.csv", "Final reviews", "id", "review_id", "round", "impact_on_pupils",
            "impact_on_practice", "impact_on_colleagues", "cpd_undertaken", "cpd_impact", "development_needs",
            "pay_recommendation", "pay_reason"),
    OUTCOMES("objective_outcome", "objective-outcomes.csv", "Objective outcomes", "final_review_id", "objective_id", "outcome", "evidence"),
    SIGN_OFFS("reviewee_sign_off", "reviewee-sign-offs.csv", "Sign-offs by staff", "final_review_id", "comments"),
    FINAL_DECISIONS("final_review_decision", "head-sign-offs.csv", "Head's sign-offs", "final_review_id", "decision", "reason",
            "moderation_note"),
    HISTORY("admin_change", "admin-history.csv", "History of administrative changes", false, "id", "staff_id", "subject_type", "subject_id",
            "subject_name", "action", "before_value", "after_value", "changed_by", "changed_at");

    private final String table;
    private final String file;
    private final String label;
    private final List<String> columns;

    SchoolTable(String table, String file, String label, String... columns) {
        this(table, file, label, true, columns);
    }

    SchoolTable(String table, String file, String label, boolean audited, String... columns) {
        this.table = table;
        this.file = file;
        this.label = label;
        var all = new ArrayList<>(List.of(columns));
        if (audited) {
            all.addAll(List.of("created_by", "created_at", "updated_by", "updated_at"));
        }
        this.columns = List.copyOf(all);
    }

    String table() {
        return table;
    }

    String file() {
        return file;
    }

    /** What the rows are, in plain words, for the page that shows what will be deleted. */
    String label() {
        return label;
    }

    List<String> columns() {
        return columns;
    }
}

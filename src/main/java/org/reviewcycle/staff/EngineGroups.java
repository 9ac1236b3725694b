package org.reviewcycle.staff;

/**
 * The engine group ids, as {@code StaffMapper.xml}'s {@code groupMembership} makes them. Tasks are
 * offered to these groups; Spring Security's authorities are the same ids.
 */
public final class EngineGroups {

    /** Every active member of staff: may use Tasklist. */
    public static final String STAFF = "staff";
    /** Headteachers of any school. */
    public static final String HEADS = "heads";
    /** Leaders of at least one team. */
    public static final String TEAM_LEADERS = "team-leaders";
    /** ReviewCycle administrators, of one school or of the whole trust: our admin pages, Cockpit. */
    public static final String ADMINS = "admins";
    /** Administrators of every school of the trust: create schools, set the trust's priorities. */
    public static final String TRUST_ADMINS = "trust-admins";

    private EngineGroups() {
    }

    /** The staff of one school. */
    public static String schoolStaff(String schoolCode) {
        return "school-" + schoolCode;
    }

    /** The headteacher of one school: work for the head is offered to this group, so no other head sees it. */
    public static String headOf(String schoolCode) {
        return "heads-" + schoolCode;
    }

    /** The administrators of one school (trust admins administer every school without it). */
    public static String adminsOf(String schoolCode) {
        return "admins-" + schoolCode;
    }

    /** The members of one team. */
    public static String team(String schoolCode, String teamCode) {
        return "team-" + schoolCode + "-" + teamCode;
    }
}

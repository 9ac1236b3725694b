package org.reviewcycle.reporting;

import org.reviewcycle.common.NotPermittedException;
import org.reviewcycle.record.RecordAccess;
import org.reviewcycle.school.School;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.security.AdministeredSchools;
import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffService;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who may read which dashboard, the one place that says so: a school's in full (names, links to records) to
 * its head and its own administrators (both working there today); in aggregate (no names, small groups
 * suppressed) to its governors and to the trust's admins, who see individuals' records nowhere (issue 14:
 * "governors and the trust never see an individual's record"); the trust's dashboard to trust admins.
 * Everyone else is refused (403) without being told whether the school exists.
 */
@Component
public class DashboardAccess {

    /** How a reader sees a school's dashboard: in full, or in aggregate (governors, the trust). */
    public enum View {
        FULL, AGGREGATE
    }

    private final AdministeredSchools administered;
    private final StaffService staff;
    private final GovernorService governors;
    private final SchoolService schools;
    private final RecordAccess records;

    DashboardAccess(AdministeredSchools administered, StaffService staff, GovernorService governors,
            SchoolService schools, RecordAccess records) {
        this.records = records;
        this.administered = administered;
        this.staff = staff;
        this.governors = governors;
        this.schools = schools;
    }

    /** The school, and how the person logged in may see its dashboard; refused when they may not. */
    public View require(long schoolId) {
        School school = schools.findSchool(schoolId).orElseThrow(DashboardAccess::refused);
        String username = username();
        if (username == null) {
            throw refused();
        }
        var governor = governors.governor(username);
        if (governor.isPresent()) {
            if (governor.get().schoolId().equals(school.id())) {
                return View.AGGREGATE;
            }
            throw refused();
        }
        StaffMember me = staff.findByUsername(username).orElseThrow(DashboardAccess::refused);
        if (headOrOwnAdministrator(me, school)) {
            return View.FULL;
        }
        if (administered.administers(school)) {
            return View.AGGREGATE;
        }
        throw refused();
    }

    /**
     * Whom the governors' accounts of a school are for: its head and own administrators, and the trust's
     * admins (who run the accounts of the trust's schools), though the trust reads the dashboard only in aggregate.
     */
    public void requireGovernorsAdministration(long schoolId) {
        School school = schools.findSchool(schoolId).orElseThrow(DashboardAccess::refused);
        String username = username();
        StaffMember me = username == null ? null : staff.findByUsername(username).orElse(null);
        if (me == null || !(headOrOwnAdministrator(me, school) || administered.administers(school))) {
            throw refused();
        }
    }

    /** The same people who answer for the school's records (record.RecordAccess), working there today. */
    private boolean headOrOwnAdministrator(StaffMember me, School school) {
        return records.answersForSchool(me, school.id());
    }

    public void requireTrust() {
        administered.requireTrustAdmin();
    }

    /** The school whose dashboard a person starts at: a governor's or head's own school; none for others. */
    public Long ownSchool() {
        String username = username();
        if (username == null) {
            return null;
        }
        var governor = governors.governor(username);
        if (governor.isPresent()) {
            return governor.get().schoolId();
        }
        return staff.findByUsername(username).map(StaffMember::schoolId).orElse(null);
    }

    private static String username() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? null : authentication.getName();
    }

    private static NotPermittedException refused() {
        return new NotPermittedException("You may not read this school's dashboard.");
    }
}

package org.reviewcycle.reporting;

import java.time.LocalDate;

import org.reviewcycle.common.NotPermittedException;
import org.reviewcycle.school.School;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.security.AdministeredSchools;
import org.reviewcycle.staff.StaffCategory;
import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffService;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who may read which dashboard, the one place that says so: a school's in full to its head (working
 * there today) and its administrators (a trust admin administers every school); in aggregate to its
 * governors; the trust's to trust admins. Everyone else is refused (403) without being told whether
 * the school exists.
 */
@Component
public class DashboardAccess {

    /** How a reader sees a school's dashboard. */
    public enum View {
        FULL, GOVERNORS
    }

    private final AdministeredSchools administered;
    private final StaffService staff;
    private final GovernorService governors;
    private final SchoolService schools;

    DashboardAccess(AdministeredSchools administered, StaffService staff, GovernorService governors,
            SchoolService schools) {
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
                return View.GOVERNORS;
            }
            throw refused();
        }
        if (administered.administers(school)) {
            return View.FULL;
        }
        StaffMember me = staff.findByUsername(username).orElseThrow(DashboardAccess::refused);
        if (me.category() == StaffCategory.HEADTEACHER && me.schoolId().equals(school.id()) && me.active()
                && (me.leftOn() == null || !me.leftOn().isBefore(LocalDate.now()))) {
            return View.FULL;
        }
        throw refused();
    }

    /** Whom the governors' page of a school is for: the school's head and admins, as for the full dashboard. */
    public void requireFull(long schoolId) {
        if (require(schoolId) != View.FULL) {
            throw refused();
        }
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

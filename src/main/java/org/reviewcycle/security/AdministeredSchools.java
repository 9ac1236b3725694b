package org.reviewcycle.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.reviewcycle.common.NotPermittedException;
import org.reviewcycle.school.School;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.EngineGroups;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Which schools the logged-in person administers: every school for a trust admin, their own for a
 * school admin, none for anyone else. Read from the login's authorities (the engine groups
 * {@code trust-admins} and {@code admins-SCHOOL}), so it is the same answer the engine gives.
 * Every admin page and endpoint asks here before it reads or changes a school's data.
 */
@Component
public class AdministeredSchools {

    private static final String SCHOOL_ADMINS_PREFIX = EngineGroups.adminsOf("");

    private final SchoolService schools;

    AdministeredSchools(SchoolService schools) {
        this.schools = schools;
    }

    public boolean isTrustAdmin() {
        return authorities().contains(EngineGroups.TRUST_ADMINS);
    }

    /** The schools the person administers, by name (closed ones too: their records are still theirs). */
    public List<School> schools() {
        if (isTrustAdmin()) {
            return schools.allSchools();
        }
        Set<String> codes = schoolCodes();
        return schools.allSchools().stream().filter(school -> codes.contains(school.code())).toList();
    }

    public boolean administers(School school) {
        return isTrustAdmin() || schoolCodes().contains(school.code());
    }

    /** The school, if the person administers it; else refused, without saying whether it exists. */
    public School require(long schoolId) {
        return schools.findSchool(schoolId).filter(this::administers)
                .orElseThrow(() -> new NotPermittedException("You do not administer this school."));
    }

    public void requireTrustAdmin() {
        if (!isTrustAdmin()) {
            throw new NotPermittedException("Only the trust's administrators may do this.");
        }
    }

    private Set<String> schoolCodes() {
        return authorities().stream().filter(a -> a.startsWith(SCHOOL_ADMINS_PREFIX))
                .map(a -> a.substring(SCHOOL_ADMINS_PREFIX.length())).collect(Collectors.toSet());
    }

    private static Set<String> authorities() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return Set.of();
        }
        Collection<? extends GrantedAuthority> granted = authentication.getAuthorities();
        return granted.stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
    }
}

package org.reviewcycle.system;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.reviewcycle.school.School;
import org.reviewcycle.security.AdministeredSchools;
import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffService;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The model every page of ours gets for the layout (templates/fragments/layout.html): {@code me},
 * the person logged in; {@code administeredSchools}; and, on every path with a {@code {schoolId}}
 * (/admin/schools/{schoolId}/..., /api/schools/{schoolId}/...), {@code school}, which is only
 * there if the person administers it: anyone else is refused here, before the controller runs.
 */
@ControllerAdvice(basePackages = "org.reviewcycle")
class AdminPages {

    private final AdministeredSchools administered;
    private final StaffService staff;

    AdminPages(AdministeredSchools administered, StaffService staff) {
        this.administered = administered;
        this.staff = staff;
    }

    @ModelAttribute("school")
    School school(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables instanceof Map<?, ?> map && map.get("schoolId") instanceof String schoolId) {
            try {
                return administered.require(Long.parseLong(schoolId));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + schoolId + "' is not a school number");
            }
        }
        return null;
    }

    @ModelAttribute("me")
    StaffMember me() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? null : staff.findByUsername(authentication.getName()).orElse(null);
    }

    @ModelAttribute("administeredSchools")
    List<School> administeredSchools() {
        return administered.schools();
    }

    @ModelAttribute("trustAdmin")
    boolean trustAdmin() {
        return administered.isTrustAdmin();
    }
}

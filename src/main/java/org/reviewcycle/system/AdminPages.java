package org.reviewcycle.system;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.reviewcycle.school.School;
import org.reviewcycle.security.AdministeredSchools;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.HandlerMapping;

/**
 * On every path with a {@code {schoolId}} (/admin/schools/{schoolId}/..., /api/schools/{schoolId}/...)
 * the model's {@code school}, which is only there if the person administers it: anyone else is
 * refused here, before the controller runs. The rest of the layout's model is {@link LayoutModel}'s.
 */
@ControllerAdvice(basePackages = "org.reviewcycle")
class AdminPages {

    private final AdministeredSchools administered;

    AdminPages(AdministeredSchools administered) {
        this.administered = administered;
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
}

package org.reviewcycle.system;

import org.reviewcycle.common.NotPermittedException;
import org.reviewcycle.security.AdministeredSchools;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The front door of the admin area: a trust admin starts at the list of schools, a school admin at
 * their own school.
 */
@Controller
class AdminHome {

    private final AdministeredSchools administered;

    AdminHome(AdministeredSchools administered) {
        this.administered = administered;
    }

    @GetMapping("/admin")
    String home() {
        if (administered.isTrustAdmin()) {
            return "redirect:/admin/schools";
        }
        var schools = administered.schools();
        if (schools.isEmpty()) {
            throw new NotPermittedException("You do not administer a school.");
        }
        return "redirect:/admin/schools/" + schools.get(0).id();
    }
}

package org.reviewcycle.staff;

import java.util.Map;

import org.reviewcycle.common.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "My profile" (/me, templates/staff/my-profile.html): a member of staff sees who ReviewCycle knows them as (name,
 * job, school, email, reviewer, line manager) and changes their own password. Tasklist's "My profile" leads
 * here (tasklist.WelcomeForStaff). Every member of staff may use it, for themselves only: nothing here names
 * anyone else's account. Governors have their own password page (reporting.DashboardPages).
 */
@Controller
class MyProfilePages {

    static final String MY_PROFILE = "/me";

    private final StaffService staff;

    MyProfilePages(StaffService staff) {
        this.staff = staff;
    }

    @GetMapping(MY_PROFILE)
    String myProfile(Model model) {
        model.addAttribute("profile", staff.myProfile());
        model.addAttribute("errors", Map.of());
        return "staff/my-profile";
    }

    @PostMapping(MY_PROFILE + "/password")
    String changePassword(@RequestParam(required = false) String current,
            @RequestParam(required = false) String password, @RequestParam(required = false) String repeated,
            Model model, RedirectAttributes redirect) {
        try {
            staff.changeOwnPassword(current, password, repeated);
            redirect.addFlashAttribute("message", "Your password is changed. You are still logged in here; anywhere else "
                    + "you were logged in (another computer, a phone) asks for the new one now.");
            return "redirect:" + MY_PROFILE;
        } catch (InvalidInput invalid) {
            // what was typed is not shown again: these are passwords
            invalid.showOn(model, Map.of());
            model.addAttribute("profile", staff.myProfile());
            return "staff/my-profile";
        }
    }
}

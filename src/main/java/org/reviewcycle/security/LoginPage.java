package org.reviewcycle.security;

import java.security.Principal;

import jakarta.servlet.http.HttpSession;

import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The one login page, for staff, Tasklist, Cockpit and Admin; and the front door, which is Tasklist. */
@Controller
class LoginPage {

    private final LoginThrottle throttle;
    private final PersonalTaskFilters taskFilters;

    LoginPage(LoginThrottle throttle, PersonalTaskFilters taskFilters) {
        this.throttle = throttle;
        this.taskFilters = taskFilters;
    }

    static final String TASKLIST = "/camunda/app/tasklist/default/";

    /** http://host/ is where staff start: their tasks (Camunda's own index redirect would open its Welcome page). */
    @GetMapping("/")
    String frontDoor(Principal person) {
        return "redirect:" + taskFilters.landingOf(person.getName());
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
            HttpSession session, Model model) {
        String refusal = null;
        // the form login's failure handler keeps the refusal in the session for this page
        if (error != null && session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof LoginThrottledException
                throttled) {
            refusal = throttled.sentence(throttle.now());
        } else if (error != null) {
            refusal = "That username and password do not match an active member of staff. Check them and try again.";
        }
        model.addAttribute("refusal", refusal);
        model.addAttribute("loggedOut", error == null && logout != null);
        return "security/login";
    }
}

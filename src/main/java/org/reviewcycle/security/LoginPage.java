package org.reviewcycle.security;

import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The one login page, for staff, Tasklist, Cockpit and Admin; and the front door, which is Tasklist. */
@Controller
public class LoginPage {

    private final LoginThrottle throttle;
    private final PersonalTaskFilters taskFilters;

    LoginPage(LoginThrottle throttle, PersonalTaskFilters taskFilters) {
        this.throttle = throttle;
        this.taskFilters = taskFilters;
    }

    /** Tasklist's page: where staff land, and the only one of its addresses open to someone not logged in. */
    public static final String TASKLIST = "/camunda/app/tasklist/default/";
    private static final AuthenticationTrustResolver LOGINS = new AuthenticationTrustResolverImpl();
    /** The parameter of the page someone lands on once logged out: Tasklist's, which says so (tasklist.LoginInPlace). */
    public static final String LOGGED_OUT_PARAMETER = "logout";
    public static final String LOGGED_OUT_SENTENCE = "You have logged out.";
    static final String NO_MATCH = "That username and password do not match an active member of staff. "
            + "Check them and try again.";

    /**
     * http://host/ is where everyone starts: staff on their tasks (Camunda's own index redirect would open
     * its Welcome page), governors on their dashboard, and someone not logged in on Tasklist's page, which
     * asks them to log in while Tasklist starts behind the form (TasklistLogin).
     */
    @GetMapping("/")
    String frontDoor(Authentication person) {
        return "redirect:" + (LOGINS.isAuthenticated(person) ? landingOf(person) : TASKLIST);
    }

    private String landingOf(Authentication person) {
        return SecurityConfiguration.isGovernor(person) ? "/dashboard" : taskFilters.landingOf(person.getName());
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error,
            @RequestParam(name = LOGGED_OUT_PARAMETER, required = false) String logout, HttpSession session, Model model) {
        String refusal = null;
        // the form login's failure handler keeps the refusal in the session for this page
        if (error != null && session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof LoginThrottledException
                throttled) {
            refusal = throttled.sentence(throttle.now());
        } else if (error != null) {
            refusal = NO_MATCH;
        }
        model.addAttribute("refusal", refusal);
        model.addAttribute("loggedOut", error == null && logout != null ? LOGGED_OUT_SENTENCE : null);
        // their login was ended by a change elsewhere (SessionLogins): said once
        String ended = EndedLoginNotice.take(session);
        model.addAttribute("ended", error == null ? ended : null);
        return "security/login";
    }
}

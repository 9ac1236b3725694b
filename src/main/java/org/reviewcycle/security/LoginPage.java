package org.reviewcycle.security;

import jakarta.servlet.http.HttpSession;

import org.springframework.http.MediaType;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/** The one login page, for staff, Tasklist, Cockpit and Admin; and the front door, which is Tasklist. */
@Controller
class LoginPage {

    private final LoginThrottle throttle;

    LoginPage(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    static final String TASKLIST = "/camunda/app/tasklist/default/";

    /** http://host/ is where staff start: their tasks (Camunda's own index redirect would open its Welcome page). */
    @GetMapping("/")
    String frontDoor() {
        return "redirect:" + TASKLIST;
    }

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String login(CsrfToken csrf, @RequestParam(required = false) String error,
            @RequestParam(required = false) String logout, HttpSession session) {
        String message = "";
        // the form login's failure handler keeps the refusal in the session for this page
        if (error != null && session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof LoginThrottledException
                throttled) {
            message = "<p class=\"message error\" role=\"alert\">" + throttled.sentence(throttle.now()) + "</p>";
        } else if (error != null) {
            message = "<p class=\"message error\" role=\"alert\">That username and password do not match an active "
                    + "member of staff. Check them and try again.</p>";
        } else if (logout != null) {
            message = "<p class=\"message\" role=\"status\">You have logged out.</p>";
        }
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>Log in to ReviewCycle</title>
                  <link rel="stylesheet" href="/reviewcycle.css">
                  <link rel="prefetch" href="/camunda/lib/runtime.js?bust=7.24.0">
                  <link rel="prefetch" href="/camunda/lib/deps.js?bust=7.24.0">
                  <link rel="prefetch" href="/camunda/app/tasklist/camunda-tasklist-bootstrap.js?bust=7.24.0">
                  <link rel="prefetch" href="/camunda/app/tasklist/camunda-tasklist-bootstrap.css?bust=7.24.0">
                </head>
                <body>
                  <main class="login">
                    <h1>ReviewCycle</h1>
                    <p class="lead">Staff appraisal: objectives, observations and reviews for the whole school.</p>
                    %s
                    <form method="post" action="/login">
                      <label for="username">Username</label>
                      <input id="username" name="username" autocomplete="username" required autofocus>
                      <label for="password">Password</label>
                      <input id="password" name="password" type="password" autocomplete="current-password" required>
                      <input type="hidden" name="%s" value="%s">
                      <button type="submit">Log in</button>
                    </form>
                  </main>
                </body>
                </html>
                """.formatted(message, HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken()));
    }
}

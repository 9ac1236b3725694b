package org.reviewcycle.security;

import jakarta.servlet.http.HttpSession;

/**
 * What the next login form says, once, to someone whose login {@link SessionLogins} ended because their
 * password, or what they may do, changed: on the login page and on Tasklist's page alike.
 */
public final class EndedLoginNotice {

    public static final String SENTENCE = "You were logged out because your password, or what you may do in "
            + "ReviewCycle, has changed. Log in again.";

    private EndedLoginNotice() {
    }

    /** The sentence when this session's login was ended, forgotten once taken; null otherwise. */
    public static String take(HttpSession session) {
        if (session == null) {
            return null;
        }
        try {
            if (session.getAttribute(SessionLogins.ENDED) == null) {
                return null;
            }
            session.removeAttribute(SessionLogins.ENDED);
            return SENTENCE;
        } catch (IllegalStateException endedMeanwhile) {
            return null;
        }
    }
}

package org.reviewcycle.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A MockMvc request made as a named member of staff with the authorities their login gives them
 * (their engine groups, from the real UserDetailsService): what a page or endpoint lets them do is
 * then what it lets the real person do.
 */
public final class AsPerson {

    private final UserDetailsService users;

    public AsPerson(UserDetailsService users) {
        this.users = users;
    }

    public RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }
}

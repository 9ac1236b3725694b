package org.reviewcycle.staff;

import java.util.Optional;

import org.springframework.security.core.userdetails.UserDetails;

/**
 * People who log in but are not staff: school governors (reporting.GovernorService). The login asks them
 * only when no member of staff has the username; they are in no engine group and have no review or task.
 */
public interface NonStaffLogins {

    Optional<UserDetails> find(String username);
}

package org.reviewcycle.staff;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** The login: staff log in with their username; their authorities are their engine group ids. */
@Service
class StaffUserDetailsService implements UserDetailsService {

    private final StaffService staff;

    StaffUserDetailsService(StaffService staff) {
        this.staff = staff;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        // someone imported from the MIS has no password ("") until an admin gives one: as if unknown
        var login = staff.login(username).filter(l -> !l.passwordHash().isEmpty())
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        return User.withUsername(login.username())
                .password(login.passwordHash())
                .disabled(!login.active())
                .authorities(staff.groupIdsOf(login.username()).stream().map(SimpleGrantedAuthority::new).toList())
                .build();
    }
}

package org.reviewcycle.staff;

import java.util.List;
import java.util.Optional;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * The login: staff log in with their username; their authorities are their engine group ids. A username no
 * member of staff has may be someone else's who logs in without being staff (a governor: {@link NonStaffLogins}).
 */
@Service
class StaffUserDetailsService implements UserDetailsService {

    private final StaffService staff;
    private final List<NonStaffLogins> others;

    StaffUserDetailsService(StaffService staff, List<NonStaffLogins> others) {
        this.staff = staff;
        this.others = others;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        // someone imported from the MIS has no password ("") until an admin gives one: as if unknown
        var found = staff.login(username);
        if (found.isEmpty()) {
            return others.stream().map(o -> o.find(username)).flatMap(Optional::stream).findFirst()
                    .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        }
        var login = found.filter(l -> !l.passwordHash().isEmpty())
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        return User.withUsername(login.username())
                .password(login.passwordHash())
                .disabled(!login.active())
                .authorities(staff.groupIdsOf(login.username()).stream().map(SimpleGrantedAuthority::new).toList())
                .build();
    }
}

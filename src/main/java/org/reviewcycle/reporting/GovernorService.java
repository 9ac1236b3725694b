package org.reviewcycle.reporting;

import static org.reviewcycle.common.Checks.requireText;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.reviewcycle.common.CurrentActor;
import org.reviewcycle.common.InvalidInput;
import org.reviewcycle.common.NotFoundException;
import org.reviewcycle.common.NotPermittedException;
import org.reviewcycle.common.PasswordChanged;
import org.reviewcycle.common.PasswordChoice;
import org.reviewcycle.staff.NonStaffLogins;
import org.reviewcycle.staff.StaffLogin;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * School governors' accounts. A governor is not a member of staff: a row of its own table (never in the
 * staff lists, a launch, the engine's directory or a group), whose login carries the single authority
 * {@value #AUTHORITY}. Security lets that authority reach its school's dashboard and nothing else (no
 * Tasklist, Cockpit, engine REST API, records or staff pages). The school's head or admins add governors.
 */
@Service
@Transactional
public class GovernorService implements NonStaffLogins {

    /** A governor's only authority. Not an engine group: the engine never sees governors. */
    public static final String AUTHORITY = "governors";
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final GovernorMapper governors;
    private final PasswordEncoder passwordEncoder;
    private final CurrentActor actor;
    private final ApplicationEventPublisher events;

    GovernorService(GovernorMapper governors, PasswordEncoder passwordEncoder, CurrentActor actor,
            ApplicationEventPublisher events) {
        this.governors = governors;
        this.events = events;
        this.passwordEncoder = passwordEncoder;
        this.actor = actor;
    }

    /** Adds a governor to the school, each bad field named; nothing is written unless all are right. */
    public Governor addGovernor(long schoolId, String firstName, String lastName, String email, String username,
            String password) {
        var problems = new LinkedHashMap<String, String>();
        String first = field(problems, "firstName", "First name", firstName, 100);
        String last = field(problems, "lastName", "Last name", lastName, 100);
        String mail = field(problems, "email", "Email", email, 254);
        if (mail != null && !EMAIL.matcher(mail).matches()) {
            problems.put("email", "Enter an email address like name@example.org");
        }
        String login = username == null ? "" : username.trim().toLowerCase();
        if (!USERNAME.matcher(login).matches()) {
            problems.put("username", "A username is 2 to 64 lower-case letters, digits, dots, hyphens or underscores");
        } else if (governors.usernameTaken(login)) {
            problems.put("username", "The username " + login + " is taken: choose another");
        }
        String passwordProblem = PasswordChoice.problemWith(password, "The password");
        if (passwordProblem != null) {
            problems.put("password", passwordProblem);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var governor = new Governor(null, schoolId, login, first, last, mail, true);
        governors.insertGovernor(governor, passwordEncoder.encode(password), actor.username());
        return governors.selectGovernorByUsername(login).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<Governor> governorsOf(long schoolId) {
        return governors.selectGovernorsOf(schoolId);
    }

    /** The governor logged in as {@code username}, if that is a governor. */
    @Transactional(readOnly = true)
    public Optional<Governor> governor(String username) {
        return governors.selectGovernorByUsername(username).filter(Governor::active);
    }

    /** Stops a governor of the school logging in (they stood down), or lets them in again; the account is kept. */
    public Governor setActive(long schoolId, long governorId, boolean active) {
        Governor governor = governors.selectGovernorsOf(schoolId).stream().filter(g -> g.id() == governorId).findFirst()
                .orElseThrow(() -> new NotFoundException("The school has no such governor."));
        governors.updateActive(schoolId, governorId, active, actor.username());
        return governor;
    }

    /**
     * The governor logged in changes their own password (the one the head or admin set is known to them): the
     * current one, then the new one twice; each problem named, nothing changed unless all are right. Refused to
     * anyone who is not a governor.
     */
    public void changeOwnPassword(String current, String replacement, String repeated) {
        String username = actor.username();
        StaffLogin login = governors.selectLogin(username).filter(StaffLogin::active)
                .orElseThrow(() -> new NotPermittedException("Only a governor changes their password here."));
        PasswordChoice.checkChange(passwordEncoder, login.passwordHash(), current, replacement, repeated);
        governors.updatePassword(username, passwordEncoder.encode(replacement));
        events.publishEvent(new PasswordChanged(username));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<UserDetails> find(String username) {
        return governors.selectLogin(username).map(login -> User.withUsername(login.username())
                .password(login.passwordHash()).disabled(!login.active()).authorities(AUTHORITY).build());
    }

    private static String field(Map<String, String> problems, String name, String label, String value, int max) {
        try {
            return requireText(label, value, max);
        } catch (IllegalArgumentException e) {
            problems.put(name, e.getMessage());
            return null;
        }
    }
}

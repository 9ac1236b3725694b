package org.reviewcycle.staff;

import static org.reviewcycle.common.Checks.optionalText;
import static org.reviewcycle.common.Checks.requireText;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.reviewcycle.common.CurrentActor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The entry point for staff, reviewers and teams. Passwords are stored only as hashes. */
@Service
@Transactional
public class StaffService {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern TEAM_CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    private final StaffMapper staff;
    private final TeamMapper teams;
    private final PasswordEncoder passwordEncoder;
    private final CurrentActor actor;
    private final ApplicationEventPublisher events;

    StaffService(StaffMapper staff, TeamMapper teams, PasswordEncoder passwordEncoder, CurrentActor actor,
            ApplicationEventPublisher events) {
        this.events = events;
        this.staff = staff;
        this.teams = teams;
        this.passwordEncoder = passwordEncoder;
        this.actor = actor;
    }

    /** Adds a member of staff with the given password (stored hashed). {@code member.id()} is ignored. */
    public StaffMember addStaffMember(StaffMember member, String password) {
        if (member.username() == null || !USERNAME.matcher(member.username()).matches()) {
            throw new IllegalArgumentException("Username '" + member.username()
                    + "' must be 1 to 64 lower-case letters, digits, dots, hyphens or underscores");
        }
        if (member.category() == null) {
            throw new IllegalArgumentException("Staff category must be given for " + member.username());
        }
        String email = requireText("Email", member.email(), 254);
        if (!EMAIL.matcher(email).matches()) {
            throw new IllegalArgumentException("Email '" + email + "' is not an email address");
        }
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("Password must not be empty for " + member.username());
        }
        if (staff.selectByUsername(member.username()).isPresent()) {
            throw new IllegalArgumentException("Username '" + member.username() + "' is taken");
        }
        var row = new StaffMember(null, member.schoolId(), member.username(),
                requireText("First name", member.firstName(), 100), requireText("Last name", member.lastName(), 100),
                email, requireText("Job title", member.jobTitle(), 200), member.category(), member.active(),
                member.administrator(), member.reviewerId(), optionalText("Staff number", member.staffNumber(), 40),
                member.lineManagerId(), member.startedOn(), member.leftOn(), member.trustAdmin());
        staff.insertStaff(row, passwordEncoder.encode(password), actor.username());
        return staff.selectByUsername(member.username()).orElseThrow();
    }

    /** Makes {@code reviewerId} the reviewer of {@code staffId}; null leaves them without one. */
    public void assignReviewer(long staffId, Long reviewerId) {
        Long previous = staff.selectById(staffId).map(StaffMember::reviewerId).orElse(null);
        if (reviewerId != null) {
            if (reviewerId == staffId) {
                throw new IllegalArgumentException("A member of staff cannot review themselves");
            }
            var reviewee = staff.selectById(staffId)
                    .orElseThrow(() -> new IllegalArgumentException("No member of staff with id " + staffId));
            var reviewer = staff.selectById(reviewerId)
                    .orElseThrow(() -> new IllegalArgumentException("No member of staff with id " + reviewerId));
            if (!reviewer.schoolId().equals(reviewee.schoolId())) {
                throw new IllegalArgumentException(reviewer.fullName() + " works at another school and cannot review "
                        + reviewee.fullName());
            }
        }
        if (staff.updateReviewer(staffId, reviewerId, actor.username()) != 1) {
            throw new IllegalArgumentException("No member of staff with id " + staffId);
        }
        if (!Objects.equals(previous, reviewerId)) {
            events.publishEvent(new ReviewerChanged(staffId, previous, reviewerId));
        }
    }

    public void setActive(long staffId, boolean active) {
        if (staff.updateActive(staffId, active, actor.username()) != 1) {
            throw new IllegalArgumentException("No member of staff with id " + staffId);
        }
    }

    @Transactional(readOnly = true)
    public Optional<StaffMember> find(long id) {
        return staff.selectById(id);
    }

    @Transactional(readOnly = true)
    public Optional<StaffMember> findByUsername(String username) {
        return staff.selectByUsername(username);
    }

    @Transactional(readOnly = true)
    public List<StaffMember> staffOf(long schoolId) {
        return staff.selectBySchool(schoolId);
    }

    /**
     * The school's active headteachers: one as a rule; none while the post is vacant, two or more when
     * heads share the post (co-headship) or a new head starts before the old one leaves.
     */
    @Transactional(readOnly = true)
    public List<StaffMember> headsOf(long schoolId) {
        return staff.selectHeadsOf(schoolId);
    }

    /** Creates a team led by {@code leaderId}; the leader is also a member. */
    public Team createTeam(long schoolId, String code, String name, long leaderId) {
        if (code == null || !TEAM_CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("Team code '" + code
                    + "' must be 1 to 40 lower-case letters, digits or hyphens (it names the team's group)");
        }
        var leader = staff.selectById(leaderId)
                .orElseThrow(() -> new IllegalArgumentException("No member of staff with id " + leaderId));
        if (!leader.schoolId().equals(schoolId)) {
            throw new IllegalArgumentException(leader.fullName() + " works at another school and cannot lead this team");
        }
        teams.insertTeam(new Team(null, schoolId, code, requireText("Team name", name, 200), leaderId), actor.username());
        var team = teams.selectBySchoolAndCode(schoolId, code).orElseThrow();
        teams.insertMember(team.id(), leaderId, actor.username());
        return team;
    }

    public void addTeamMember(long teamId, long staffId) {
        if (teams.selectMemberIds(teamId).contains(staffId)) {
            return;
        }
        teams.insertMember(teamId, staffId, actor.username());
    }

    @Transactional(readOnly = true)
    public List<Team> teamsOf(long schoolId) {
        return teams.selectBySchool(schoolId);
    }

    @Transactional(readOnly = true)
    public List<Team> teamsLedBy(long leaderId) {
        return teams.selectLedBy(leaderId);
    }

    @Transactional(readOnly = true)
    public List<Long> teamMemberIds(long teamId) {
        return teams.selectMemberIds(teamId);
    }

    /** The engine group ids of a person: what they may see and do follows from these. */
    @Transactional(readOnly = true)
    public List<String> groupIdsOf(String username) {
        return staff.selectDirectoryGroups(DirectoryQueries.groupsOf(username)).stream()
                .map(DirectoryGroup::id).toList();
    }

    /**
     * The engine tenants (schools' codes) {@code username} belongs to, for an engine authentication
     * made in code: the engine's tenant check shows a person only their own schools' work.
     */
    @Transactional(readOnly = true)
    public List<String> tenantIdsOf(String username) {
        var query = new StaffTenantQuery();
        query.userMember(username);
        return staff.selectDirectoryTenants(DirectoryQueries.tenants(query)).stream().map(DirectoryTenant::id).toList();
    }

    @Transactional(readOnly = true)
    Optional<StaffLogin> login(String username) {
        return staff.selectLogin(username);
    }
}

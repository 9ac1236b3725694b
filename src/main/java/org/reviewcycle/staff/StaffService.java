package org.reviewcycle.staff;

import static org.reviewcycle.common.Checks.optionalText;
import static org.reviewcycle.common.Checks.requireText;
import static org.reviewcycle.history.AdministrationHistory.fields;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.reviewcycle.common.CurrentActor;
import org.reviewcycle.common.InvalidInput;
import org.reviewcycle.common.NotFoundException;
import org.reviewcycle.history.AdministrationHistory;
import org.reviewcycle.history.AdministrationHistory.Subject;
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
    private final AdministrationHistory history;

    StaffService(StaffMapper staff, TeamMapper teams, PasswordEncoder passwordEncoder, CurrentActor actor,
            ApplicationEventPublisher events, AdministrationHistory history) {
        this.events = events;
        this.history = history;
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
    // --- school admins and teams (the Schools and Teams pages) ---

    /**
     * Makes a member of the school's staff one of its administrators, or stops them being one. Nobody
     * stops themselves: a school is never left without the person who was running it by mistake.
     * They have the new rights from their next login.
     */
    public void setAdministrator(long schoolId, long staffId, boolean administrator) {
        setRole(memberOf(schoolId, staffId), "school administrator", StaffMember::administrator, administrator,
                () -> staff.updateAdministrator(staffId, administrator, actor.username()));
    }

    /** Makes a member of staff a trust administrator (every school), or stops them; never oneself. */
    public void setTrustAdmin(long schoolId, long staffId, boolean trustAdmin) {
        setRole(memberOf(schoolId, staffId), "trust administrator", StaffMember::trustAdmin, trustAdmin,
                () -> staff.updateTrustAdmin(staffId, trustAdmin, actor.username()));
    }

    private void setRole(StaffMember member, String role, Predicate<StaffMember> has, boolean wanted, Runnable write) {
        boolean had = has.test(member);
        if (had == wanted) {
            return;
        }
        if (!wanted && member.username().equals(actor.username())) {
            throw new IllegalArgumentException("You cannot stop yourself being a " + role + "; ask another "
                    + role + " to do it.");
        }
        write.run();
        String field = Character.toUpperCase(role.charAt(0)) + role.substring(1);
        history.record(subject(member), (wanted ? "Made a " : "Stopped being a ") + role,
                fields(field, yesNo(had)), fields(field, yesNo(wanted)));
    }

    /** The trust's administrators, who run every school, by name. */
    @Transactional(readOnly = true)
    public List<StaffMember> trustAdmins() {
        return staff.selectTrustAdmins();
    }

    /** One of the school's team; another school's is not found, as if it did not exist. */
    @Transactional(readOnly = true)
    public Team team(long schoolId, long teamId) {
        return teams.selectById(teamId).filter(t -> t.schoolId() == schoolId)
                .orElseThrow(() -> new NotFoundException("This school has no team " + teamId + "."));
    }

    /** Adds a team from the Teams page, each bad field named; the leader is its first member. */
    public Team addTeam(long schoolId, String code, String name, Long leaderId) {
        var problems = new InvalidInput.Problems();
        String teamCode = problems.text("code", "Team code", code, 40);
        if (teamCode != null && !TEAM_CODE.matcher(teamCode).matches()) {
            problems.add("code", "Team code must be lower-case letters, digits or hyphens, like year-6");
        } else if (teamCode != null && teams.selectBySchoolAndCode(schoolId, teamCode).isPresent()) {
            problems.add("code", "The school already has a team with the code " + teamCode + "; choose another");
        }
        String teamName = problems.text("name", "Team name", name, 200);
        StaffMember leader = leaderOf(problems, schoolId, leaderId);
        problems.throwIfAny();
        Team team = createTeam(schoolId, teamCode, teamName, leader.id());
        history.record(subject(team), "Added the team", null,
                fields("Name", team.name(), "Code", team.code(), "Leader", leader.fullName()));
        return team;
    }

    /** Renames the team and gives it a leader from the school's staff, who becomes a member too. */
    public void changeTeam(long schoolId, long teamId, String name, Long leaderId) {
        Team team = team(schoolId, teamId);
        var problems = new InvalidInput.Problems();
        String teamName = problems.text("name", "Team name", name, 200);
        StaffMember leader = leaderOf(problems, schoolId, leaderId);
        problems.throwIfAny();
        if (teamName.equals(team.name()) && leader.id().equals(team.leaderId())) {
            return;
        }
        String previousLeader = staff.selectById(team.leaderId()).map(StaffMember::fullName).orElse(null);
        teams.updateTeam(teamId, teamName, leader.id(), actor.username());
        if (!teams.selectMemberIds(teamId).contains(leader.id())) {
            teams.insertMember(teamId, leader.id(), actor.username());
        }
        history.record(subject(new Team(teamId, schoolId, team.code(), teamName, leader.id())), "Changed the team",
                fields("Name", team.name(), "Leader", previousLeader), fields("Name", teamName, "Leader", leader.fullName()));
    }

    /** Adds a member of the school's staff to the team. */
    public void joinTeam(long schoolId, long teamId, Long staffId) {
        Team team = team(schoolId, teamId);
        if (staffId == null) {
            throw InvalidInput.of("staffId", "Choose the member of staff to add");
        }
        StaffMember member = staff.selectById(staffId).filter(m -> m.schoolId() == schoolId)
                .orElseThrow(() -> InvalidInput.of("staffId", "Choose a member of this school's staff"));
        if (teams.selectMemberIds(teamId).contains(staffId)) {
            throw InvalidInput.of("staffId", member.fullName() + " is in this team already");
        }
        teams.insertMember(teamId, staffId, actor.username());
        history.record(new Subject(schoolId, staffId, "Team", teamId, team.name()), "Added to the team",
                fields("Member", null), fields("Member", member.fullName()));
    }

    /** Takes a member out of the team; the leader stays until the team has another. */
    public void leaveTeam(long schoolId, long teamId, long staffId) {
        Team team = team(schoolId, teamId);
        StaffMember member = memberOf(schoolId, staffId);
        if (team.leaderId() == staffId) {
            throw new IllegalArgumentException(member.fullName() + " leads " + team.name()
                    + "; choose another leader before taking them out of the team.");
        }
        if (teams.deleteMember(teamId, staffId) == 0) {
            return;
        }
        history.record(new Subject(schoolId, staffId, "Team", teamId, team.name()), "Taken out of the team",
                fields("Member", member.fullName()), fields("Member", null));
    }

    private StaffMember leaderOf(InvalidInput.Problems problems, long schoolId, Long leaderId) {
        if (leaderId == null) {
            problems.add("leaderId", "Choose the team's leader");
            return null;
        }
        var leader = staff.selectById(leaderId).filter(m -> m.schoolId() == schoolId);
        if (leader.isEmpty()) {
            problems.add("leaderId", "Choose the leader from this school's staff");
        }
        return leader.orElse(null);
    }

    private StaffMember memberOf(long schoolId, long staffId) {
        return staff.selectById(staffId).filter(m -> m.schoolId() == schoolId)
                .orElseThrow(() -> new NotFoundException("This school has no member of staff " + staffId + "."));
    }

    private static Subject subject(StaffMember member) {
        return new Subject(member.schoolId(), member.id(), "Staff member", member.id(), member.fullName());
    }

    private static Subject subject(Team team) {
        return new Subject(team.schoolId(), null, "Team", team.id(), team.name());
    }

    private static String yesNo(boolean value) {
        return value ? "Yes" : "No";
    }
}

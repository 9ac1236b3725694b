package org.reviewcycle.staff;

import static org.reviewcycle.common.Checks.optionalText;
import static org.reviewcycle.common.Checks.requireText;
import static org.reviewcycle.history.AdministrationHistory.fields;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.reviewcycle.common.CurrentActor;
import org.reviewcycle.common.InvalidInput;
import org.reviewcycle.common.NotFoundException;
import org.reviewcycle.common.NotPermittedException;
import org.reviewcycle.common.PasswordChanged;
import org.reviewcycle.common.PasswordChoice;
import org.reviewcycle.history.AdministrationHistory;
import org.reviewcycle.history.AdministrationHistory.Subject;
import org.reviewcycle.school.School;
import org.reviewcycle.security.AdministeredSchools;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The entry point for staff, reviewers and teams. Passwords are stored only as hashes. */
@Service
@Transactional
public class StaffService {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern TEAM_CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    private final StaffMapper staff;
    private final TeamMapper teams;
    private final PasswordEncoder passwordEncoder;
    private final CurrentActor actor;
    private final ApplicationEventPublisher events;
    private final AdministrationHistory history;
    private final StaffImport imports;
    private final ObjectMapper json;
    private final AdministeredSchools administered;

    StaffService(StaffMapper staff, TeamMapper teams, PasswordEncoder passwordEncoder, CurrentActor actor,
            ApplicationEventPublisher events, AdministrationHistory history, StaffImport imports, ObjectMapper json,
            AdministeredSchools administered) {
        this.administered = administered;
        this.events = events;
        this.history = history;
        this.imports = imports;
        this.json = json;
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
            loopOfReviewers(staffId, reviewer).ifPresent(loop -> {
                throw new IllegalArgumentException(loop);
            });
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
     * Their logins end (security.SessionLogins), and the next has the new rights.
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

    /** A team of any school, for a feature that checks who may see it (objective.ObjectiveService). */
    @Transactional(readOnly = true)
    public Optional<Team> findTeam(long teamId) {
        return teams.selectById(teamId);
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

    private static Subject subject(StaffMember member) {
        return new Subject(member.schoolId(), member.id(), "Staff member", member.id(), member.fullName());
    }

    private static Subject subject(Team team) {
        return new Subject(team.schoolId(), null, "Team", team.id(), team.name());
    }

    private static String yesNo(boolean value) {
        return value ? "Yes" : "No";
    }

    // ==== Staff pages (issue 12, "Pages: Staff") ====

    /** The most rows one staff file may have; a trust's largest school has far fewer staff. */
    public static final int MAX_IMPORT_ROWS = 20_000;
    private static final TypeReference<Map<ImportField, String>> MAPPING = new TypeReference<>() {
    };

    /** One page of the staff page's search. */
    public record StaffPage(List<StaffListEntry> entries, long total, int number) {

        public boolean hasNext() {
            return (long) (number + 1) * StaffSearch.PAGE_SIZE < total;
        }

        public boolean hasPrevious() {
            return number > 0;
        }
    }

    @Transactional(readOnly = true)
    public StaffPage search(StaffSearch search) {
        return new StaffPage(staff.selectStaffPage(search), staff.countStaff(search), search.page());
    }

    /** The school's staff who are not past their leaving date: the people a reviewer or line manager is chosen from. */
    @Transactional(readOnly = true)
    public List<StaffMember> currentStaffOf(long schoolId) {
        LocalDate today = LocalDate.now();
        return staff.selectBySchool(schoolId).stream()
                .filter(s -> s.active() && (s.leftOn() == null || !s.leftOn().isBefore(today))).toList();
    }

    /** A member of staff of {@code schoolId}; someone of another school is not found, as if they did not exist. */
    @Transactional(readOnly = true)
    public StaffMember memberOf(long schoolId, long staffId) {
        return staff.selectById(staffId).filter(s -> s.schoolId() == schoolId)
                .orElseThrow(() -> new NotFoundException("There is no such member of staff at this school."));
    }

    @Transactional(readOnly = true)
    public boolean hasPassword(long staffId) {
        return staff.selectById(staffId).flatMap(s -> staff.selectLogin(s.username()))
                .map(login -> !login.passwordHash().isEmpty()).orElse(false);
    }

    /**
     * Adds ({@code staffId} null) or changes a member of staff from the staff page. A new person gets a
     * username made from their email and no password until an admin gives one. Everything wrong is
     * refused at once, field by field ({@link InvalidInput}); nothing is written then.
     */
    public StaffMember saveDetails(long schoolId, Long staffId, StaffDetails details) {
        StaffMember before = staffId == null ? null : memberOf(schoolId, staffId);
        var errors = new LinkedHashMap<String, String>();
        String first = checked(errors, "firstName", "first name", details.firstName(), 100);
        String last = checked(errors, "lastName", "last name", details.lastName(), 100);
        String email = checked(errors, "email", "email", details.email(), 254);
        if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
            errors.put("email", "Enter an email address like name@school.org.uk");
        }
        String jobTitle = checked(errors, "jobTitle", "job title", details.jobTitle(), 200);
        if (details.category() == null) {
            errors.put("category", "Choose a category");
        }
        String number = details.staffNumber() == null ? "" : details.staffNumber().strip();
        if (number.length() > 40) {
            errors.put("staffNumber", "Staff number is longer than 40 characters");
        }
        List<StaffMember> school = staff.selectBySchool(schoolId);
        school.stream().filter(s -> !number.isEmpty() && number.equals(s.staffNumber()) && !s.id().equals(staffId))
                .findFirst().ifPresent(s -> errors.put("staffNumber", "Staff number " + number + " is "
                        + s.fullName() + "'s"));
        StaffMember reviewer = colleague(school, details.reviewerId());
        StaffMember lineManager = colleague(school, details.lineManagerId());
        if (details.reviewerId() != null && reviewer == null) {
            errors.put("reviewerId", "Choose a reviewer from the school's staff");
        } else if (reviewer != null && reviewer.id().equals(staffId)) {
            errors.put("reviewerId", "Nobody can review themselves");
        } else if (reviewer != null && staffId != null) {
            loopOfReviewers(staffId, reviewer).ifPresent(loop -> errors.put("reviewerId", loop));
        }
        if (details.lineManagerId() != null && lineManager == null) {
            errors.put("lineManagerId", "Choose a line manager from the school's staff");
        } else if (lineManager != null && lineManager.id().equals(staffId)) {
            errors.put("lineManagerId", "Nobody can be their own line manager");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        String by = actor.username();
        StaffMember saved;
        if (before == null) {
            String username = new Usernames(staff.selectUsernamesStartingWith(Usernames.base(email) + "%")).from(email);
            staff.insertStaff(new StaffMember(null, schoolId, username, first, last, email, jobTitle, details.category(),
                    true, false, null, number.isEmpty() ? null : number, lineManager == null ? null : lineManager.id(),
                    details.startedOn(), null, false), "", by);
            saved = staff.selectByUsername(username).orElseThrow();
        } else {
            saved = new StaffMember(before.id(), schoolId, before.username(), first, last, email, jobTitle,
                    details.category(), before.active(), before.administrator(), before.reviewerId(),
                    number.isEmpty() ? null : number, lineManager == null ? null : lineManager.id(), details.startedOn(),
                    before.leftOn(), before.trustAdmin());
            staff.updateDetails(saved, by);
        }
        Long reviewerId = reviewer == null ? null : reviewer.id();
        if (!Objects.equals(saved.reviewerId(), reviewerId)) {
            staff.updateReviewer(saved.id(), reviewerId, by);
            if (before != null) {
                events.publishEvent(new ReviewerChanged(saved.id(), before.reviewerId(), reviewerId));
            }
        }
        saved = staff.selectById(saved.id()).orElseThrow();
        var after = StaffWords.of(saved, nameOf(school, reviewerId), nameOf(school, saved.lineManagerId()));
        if (before == null) {
            history.record(StaffWords.subjectOf(saved), "Added a member of staff", null, after);
        } else {
            var was = StaffWords.of(before, nameOf(school, before.reviewerId()), nameOf(school, before.lineManagerId()));
            if (!was.equals(after)) {
                history.record(StaffWords.subjectOf(saved), "Changed details", was, after);
            }
        }
        return saved;
    }

    /**
     * Marks a member of staff as a leaver from {@code leftOn} (their last day): they cannot log in after
     * it and count nowhere as staff; they and their records are kept. Publishes {@link StaffLeft}.
     */
    public void markLeaver(long schoolId, long staffId, LocalDate leftOn) {
        StaffMember member = memberOf(schoolId, staffId);
        if (leftOn == null) {
            throw new InvalidInput(Map.of("leftOn", "Enter the leaving date"));
        }
        if (member.startedOn() != null && leftOn.isBefore(member.startedOn())) {
            throw new InvalidInput(Map.of("leftOn", "The leaving date must not be before their start date, "
                    + StaffImport.formatDate(member.startedOn())));
        }
        staff.updateLeftOn(staffId, leftOn, actor.username());
        history.record(StaffWords.subjectOf(member), "Marked as a leaver", Map.of("Leaving date",
                StaffImport.formatDate(member.leftOn())), Map.of("Leaving date", StaffImport.formatDate(leftOn)));
        events.publishEvent(new StaffLeft(staffId, leftOn));
    }

    /** Gives a password to someone who has none yet (imported or added on the staff page). */
    public void givePassword(long schoolId, long staffId, String password) {
        StaffMember member = memberOf(schoolId, staffId);
        if (hasPassword(staffId)) {
            throw new IllegalStateException(member.fullName() + " already has a password.");
        }
        String problem = PasswordChoice.problemWith(password, "The password");
        if (problem != null) {
            throw InvalidInput.of("password", problem);
        }
        staff.updatePassword(staffId, passwordEncoder.encode(password), actor.username());
        history.record(StaffWords.subjectOf(member), "Given a password", Map.of("Password", "none"), Map.of("Password", "given"));
    }

    /** The person logged in, as their own profile shows them; refused to anyone who is not a member of staff. */
    @Transactional(readOnly = true)
    public MyProfile myProfile() {
        StaffMember me = staff.selectByUsername(actor.username())
                .orElseThrow(() -> new NotPermittedException("Only a member of staff has a profile here."));
        return new MyProfile(me, staff.selectSchoolName(me.schoolId()), nameOf(me.reviewerId()),
                nameOf(me.lineManagerId()));
    }

    /**
     * The member of staff logged in changes their own password: the current one, then the new one twice; each
     * problem named, nothing changed unless all are right. The school's history says that they did (not what
     * to). Refused to anyone who is not a member of staff who may log in.
     */
    public void changeOwnPassword(String current, String replacement, String repeated) {
        String username = actor.username();
        StaffLogin login = staff.selectLogin(username).filter(StaffLogin::active)
                .orElseThrow(() -> new NotPermittedException("Only a member of staff changes their password here."));
        StaffMember me = staff.selectByUsername(username).orElseThrow();
        PasswordChoice.checkChange(passwordEncoder, login.passwordHash(), current, replacement, repeated);
        if (staff.updateOwnPassword(me.id(), login.passwordHash(), passwordEncoder.encode(replacement), username) != 1) {
            throw InvalidInput.of("current", "Your password was changed a moment ago, elsewhere: type the current one again");
        }
        history.record(StaffWords.subjectOf(me), "Changed their own password", Map.of("Password", "set"),
                Map.of("Password", "changed"));
        events.publishEvent(new PasswordChanged(username));
    }

    private String nameOf(Long staffId) {
        return staffId == null ? null : staff.selectById(staffId).map(StaffMember::fullName).orElse(null);
    }

    /**
     * The loop that making {@code reviewer} the reviewer of {@code staffId} would close, in words
     * ("Ann Able reviews Ben Bell reviews Cat Cole reviews Ann Able"), if it would.
     */
    private Optional<String> loopOfReviewers(long staffId, StaffMember reviewer) {
        var chain = new ArrayList<String>();
        var seen = new HashSet<Long>();
        StaffMember at = reviewer;
        String revieweeName = staff.selectById(staffId).map(StaffMember::fullName).orElse("");
        chain.add(revieweeName);
        while (at != null && seen.add(at.id())) {
            chain.add(at.fullName());
            if (at.reviewerId() == null) {
                return Optional.empty();
            }
            if (at.reviewerId() == staffId) {
                chain.add(revieweeName);
                return Optional.of("That would make a loop of reviewers: " + loopInWords(chain));
            }
            at = staff.selectById(at.reviewerId()).orElse(null);
        }
        return Optional.empty();
    }

    /** A chain of people, each the reviewer of the one before, as "A reviews B reviews C reviews A". */
    static String loopInWords(List<String> chain) {
        var reversed = new ArrayList<>(chain);
        java.util.Collections.reverse(reversed);
        return String.join(" reviews ", reversed);
    }

    private static String checked(Map<String, String> errors, String field, String words, String value, int max) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            errors.put(field, "Enter the " + words);
        } else if (text.length() > max) {
            errors.put(field, Character.toUpperCase(words.charAt(0)) + words.substring(1) + " is longer than " + max
                    + " characters");
        }
        return text;
    }

    private static StaffMember colleague(List<StaffMember> school, Long id) {
        return id == null ? null : school.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
    }

    private static String nameOf(List<StaffMember> school, Long id) {
        StaffMember member = colleague(school, id);
        return member == null ? null : member.fullName();
    }

    // ==== Staff who move between schools of the trust (issue 12, "The new academic year") ====

    /** The schools a member of staff of {@code fromSchoolId} may move to: the trust's other open schools. */
    @Transactional(readOnly = true)
    public List<School> schoolsToMoveTo(long fromSchoolId) {
        administered.requireTrustAdmin();
        return administered.schools().stream().filter(s -> s.id() != fromSchoolId && !s.closed()).toList();
    }

    /**
     * Moves a member of staff to another school of the trust (trust admins only). They keep their login and
     * every review they had; at the new school they get the category, job title, staff number, reviewer, line
     * manager and team chosen here (from that school's staff and teams), and their first day there as their
     * start date. Their engine groups and tenant follow their school, so from their next login they see the
     * new school's work only. At the old school they leave their teams and stop being an administrator; those
     * they managed day to day have no line manager until the school gives them one. Refused, with the names,
     * while anyone at the old school still has them as reviewer or a team there has them as leader: the old
     * school chooses those first, and the reviews under way follow the new reviewer as usual. Publishes
     * {@link StaffMoved}: their review under way at the old school ends with the reason.
     */
    public StaffMember moveToSchool(long fromSchoolId, long staffId, StaffMove move) {
        administered.requireTrustAdmin();
        StaffMember before = memberOf(fromSchoolId, staffId);
        School from = administered.require(fromSchoolId);
        var problems = new InvalidInput.Problems();
        LocalDate today = LocalDate.now();
        if (before.leftOn() != null && before.leftOn().isBefore(today) || !before.active()) {
            problems.add("move", before.fullName() + " has left " + from.name() + "; add them at the new school "
                    + "instead.");
        }
        List<StaffMember> oldColleagues = staff.selectBySchool(fromSchoolId);
        List<String> reviewees = oldColleagues.stream().filter(s -> Long.valueOf(staffId).equals(s.reviewerId()))
                .filter(s -> s.active() && (s.leftOn() == null || !s.leftOn().isBefore(today)))
                .map(StaffMember::fullName).toList();
        if (!reviewees.isEmpty()) {
            problems.add("move", before.fullName() + " reviews " + inWords(reviewees) + " at " + from.name()
                    + ": give " + (reviewees.size() == 1 ? "them" : "each of them") + " another reviewer first.");
        }
        List<String> ledTeams = teams.selectLedBy(staffId).stream().map(Team::name).toList();
        if (!ledTeams.isEmpty()) {
            problems.add("teams", before.fullName() + " leads " + inWords(ledTeams) + " at " + from.name()
                    + ": give " + (ledTeams.size() == 1 ? "it" : "each of them") + " another leader first.");
        }
        School to = null;
        if (move.toSchoolId() == null) {
            problems.add("toSchoolId", "Choose the school they move to");
        } else if (move.toSchoolId() == fromSchoolId) {
            problems.add("toSchoolId", before.fullName() + " works at " + from.name() + " already; choose another school");
        } else {
            to = administered.schools().stream().filter(s -> s.id().equals(move.toSchoolId())).findFirst().orElse(null);
            if (to == null) {
                problems.add("toSchoolId", "Choose a school of the trust");
            } else if (to.closed()) {
                problems.add("toSchoolId", to.name() + " is closed; choose an open school");
            }
        }
        if (move.movedOn() == null) {
            problems.add("movedOn", "Enter their first day at the new school");
        }
        if (move.category() == null) {
            problems.add("category", "Choose their category at the new school");
        }
        String jobTitle = problems.text("jobTitle", "Job title", move.jobTitle(), 200);
        String number = move.staffNumber() == null ? "" : move.staffNumber().strip();
        if (number.length() > 40) {
            problems.add("staffNumber", "Staff number is longer than 40 characters");
        }
        StaffMember reviewer = null;
        StaffMember lineManager = null;
        Team team = null;
        if (to != null && !to.closed()) {
            List<StaffMember> newColleagues = currentStaffOf(to.id());
            String school = to.name();
            newColleagues.stream().filter(s -> !number.isEmpty() && number.equals(s.staffNumber())).findFirst()
                    .ifPresent(s -> problems.add("staffNumber", "Staff number " + number + " is " + s.fullName()
                            + "'s at " + school));
            reviewer = colleague(newColleagues, move.reviewerId());
            lineManager = colleague(newColleagues, move.lineManagerId());
            if (move.reviewerId() != null && reviewer == null) {
                problems.add("reviewerId", "Choose a reviewer from " + school + "'s staff");
            } else if (reviewer != null) {
                loopOfReviewers(staffId, reviewer).ifPresent(loop -> problems.add("reviewerId", loop));
            }
            if (move.lineManagerId() != null && lineManager == null) {
                problems.add("lineManagerId", "Choose a line manager from " + school + "'s staff");
            }
            Long teamId = move.teamId();
            team = teamId == null ? null : teams.selectById(teamId).filter(t -> t.schoolId().equals(move.toSchoolId()))
                    .orElse(null);
            if (teamId != null && team == null) {
                problems.add("teamId", "Choose one of " + school + "'s teams");
            }
        }
        problems.throwIfAny();

        String by = actor.username();
        List<StaffMember> managed = oldColleagues.stream().filter(s -> Long.valueOf(staffId).equals(s.lineManagerId()))
                .toList();
        for (StaffMember person : managed) {
            staff.updateLineManager(person.id(), null, by);
            history.record(StaffWords.subjectOf(person), "Changed details",
                    fields("Line manager", before.fullName()), fields("Line manager", "none"));
        }
        List<Team> oldTeams = teams.selectBySchool(fromSchoolId).stream()
                .filter(t -> teams.selectMemberIds(t.id()).contains(staffId)).toList();
        oldTeams.forEach(t -> teams.deleteMember(t.id(), staffId));
        var moved = new StaffMember(before.id(), to.id(), before.username(), before.firstName(), before.lastName(),
                before.email(), jobTitle, move.category(), true, false, reviewer == null ? null : reviewer.id(),
                number.isEmpty() ? null : number, lineManager == null ? null : lineManager.id(), move.movedOn(), null,
                before.trustAdmin());
        staff.updateSchool(moved, by);
        if (team != null) {
            teams.insertMember(team.id(), staffId, by);
        }
        StaffMember saved = staff.selectById(staffId).orElseThrow();

        var was = StaffWords.of(before, nameOf(oldColleagues, before.reviewerId()),
                nameOf(oldColleagues, before.lineManagerId()));
        was.put("School", from.name());
        was.put("Teams", oldTeams.isEmpty() ? "none" : inWords(oldTeams.stream().map(Team::name).toList()));
        was.put("School administrator", yesNo(before.administrator()));
        var now = StaffWords.of(saved, reviewer == null ? null : reviewer.fullName(),
                lineManager == null ? null : lineManager.fullName());
        now.put("School", to.name());
        now.put("Teams", team == null ? "none" : team.name());
        now.put("School administrator", "No");
        history.recordAll(List.of(
                new AdministrationHistory.Change(new Subject(fromSchoolId, staffId, "Staff member", staffId,
                        before.fullName()), "Moved to another school", was, fields("School", to.name())),
                new AdministrationHistory.Change(StaffWords.subjectOf(saved), "Joined from another school",
                        fields("School", from.name()), now)));
        events.publishEvent(new StaffMoved(staffId, saved.username(), fromSchoolId, from.code(), to.id(), to.name(),
                move.movedOn()));
        return saved;
    }

    /** "A", "A and B", "A, B and C". */
    private static String inWords(List<String> names) {
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    // ==== The MIS import (issue 12, "Import staff from the school's MIS") ====

    /**
     * Keeps an uploaded staff file for the next steps, after reading it once to refuse, with a sentence,
     * one that is not CSV, has no headings or is too long. Uploads of this school older than a day go.
     */
    public long uploadStaffFile(long schoolId, String fileName, byte[] content) {
        if (content.length == 0) {
            throw new IllegalArgumentException("Choose a CSV file to upload: the file was empty.");
        }
        StaffFile.read(content, MAX_IMPORT_ROWS);
        staff.deleteUploadsBefore(schoolId, LocalDateTime.now().minusDays(1));
        String name = fileName == null || fileName.isBlank() ? "staff.csv" : fileName.strip();
        var upload = new ImportUpload(schoolId, name.length() > 255 ? name.substring(0, 255) : name, content);
        staff.insertUpload(upload, actor.username());
        return upload.getId();
    }

    @Transactional(readOnly = true)
    public UploadedFile uploadedFile(long schoolId, long uploadId) {
        ImportUpload upload = upload(schoolId, uploadId);
        StaffFile file = StaffFile.read(upload.getContent(), MAX_IMPORT_ROWS);
        Map<ImportField, String> mapping = offeredMapping(schoolId, upload, file.headings());
        return new UploadedFile(uploadId, upload.getFileName(), file.encoding(), file.separator() == ';' ? "semicolons"
                : "commas", file.headings(), file.rows().stream().limit(3).map(StaffFile.Row::values).toList(),
                file.rows().size(), mapping);
    }

    /**
     * What importing the uploaded file with this mapping would do. The mapping is kept with the upload
     * (the import uses it) and saved as the school's mapping for next time.
     */
    public ImportPreview previewImport(long schoolId, long uploadId, Map<ImportField, String> mapping,
            boolean markMissingAsLeavers) {
        ImportUpload upload = upload(schoolId, uploadId);
        StaffFile file = StaffFile.read(upload.getContent(), MAX_IMPORT_ROWS);
        var rows = rowsOf(file, mapping);
        String written = writeMapping(mapping);
        staff.updateUploadMapping(uploadId, written);
        if (staff.updateMapping(schoolId, written, actor.username()) == 0) {
            staff.insertMapping(schoolId, written, actor.username());
        }
        return imports.plan(schoolId, rows, markMissingAsLeavers, LocalDate.now()).preview();
    }

    /**
     * Imports the uploaded file with the mapping of its preview, all or nothing: with any bad row nothing
     * is written; a failure part-way rolls everything back. The upload is deleted once imported.
     */
    public ImportPreview importFile(long schoolId, String schoolName, long uploadId, boolean markMissingAsLeavers) {
        ImportUpload upload = upload(schoolId, uploadId);
        if (upload.getMapping() == null) {
            throw new IllegalStateException("Look at the preview of this file before importing it.");
        }
        StaffFile file = StaffFile.read(upload.getContent(), MAX_IMPORT_ROWS);
        var rows = rowsOf(file, readMapping(upload.getMapping()));
        var done = applied(imports.plan(schoolId, rows, markMissingAsLeavers, LocalDate.now()), schoolName);
        staff.deleteUpload(uploadId);
        return done;
    }

    /** The import of rows sent as JSON by a trust's script: a preview when {@code dryRun}, else the import. */
    public ImportPreview importRows(long schoolId, String schoolName, List<ImportRow> rows, boolean dryRun,
            boolean markMissingAsLeavers) {
        if (rows.size() > MAX_IMPORT_ROWS) {
            throw new IllegalArgumentException(String.format("%,d rows were sent; one import takes at most %,d.",
                    rows.size(), MAX_IMPORT_ROWS));
        }
        var plan = imports.plan(schoolId, rows, markMissingAsLeavers, LocalDate.now());
        return dryRun || !plan.preview().importable() ? plan.preview() : applied(plan, schoolName);
    }

    /** Two imports into one school at once: the second finds a staff number taken and goes back whole. */
    private ImportPreview applied(StaffImport.Plan plan, String schoolName) {
        try {
            return imports.apply(plan, schoolName);
        } catch (DataIntegrityViolationException e) {
            throw new IllegalStateException("The school's staff changed while this file was being imported (another "
                    + "import at the same time?). Nothing was imported; look at the preview again.", e);
        }
    }

    private ImportUpload upload(long schoolId, long uploadId) {
        return staff.selectUpload(uploadId, schoolId).orElseThrow(() -> new NotFoundException(
                "That uploaded file is no longer here (it was imported, or uploaded more than a day ago). "
                        + "Upload it again."));
    }

    private Map<ImportField, String> offeredMapping(long schoolId, ImportUpload upload, List<String> headings) {
        Map<ImportField, String> offered = new EnumMap<>(ImportField.class);
        String saved = upload.getMapping() != null ? upload.getMapping() : staff.selectMapping(schoolId).orElse(null);
        if (saved != null) {
            readMapping(saved).forEach((field, heading) -> {
                if (headings.contains(heading)) {
                    offered.put(field, heading);
                }
            });
        }
        for (ImportField field : ImportField.values()) {
            if (!offered.containsKey(field)) {
                headings.stream().filter(field::knows).filter(h -> !offered.containsValue(h)).findFirst()
                        .ifPresent(h -> offered.put(field, h));
            }
        }
        return offered;
    }

    /** The file's rows by our fields, after checking the mapping names a column for each required field. */
    private static List<ImportRow> rowsOf(StaffFile file, Map<ImportField, String> mapping) {
        var missing = new ArrayList<String>();
        for (ImportField field : ImportField.values()) {
            String heading = mapping.get(field);
            if (heading != null && !file.headings().contains(heading)) {
                throw new IllegalArgumentException("The file has no column '" + heading + "'.");
            }
            if (field.required() && heading == null) {
                missing.add(field.label());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Choose the column for: " + String.join(", ", missing) + ".");
        }
        return file.rows().stream().map(row -> {
            Map<ImportField, String> values = new EnumMap<>(ImportField.class);
            mapping.forEach((field, heading) -> values.put(field, row.values().get(heading)));
            return new ImportRow(row.line(), values);
        }).toList();
    }

    private String writeMapping(Map<ImportField, String> mapping) {
        try {
            return json.writeValueAsString(mapping);
        } catch (IOException e) {
            throw new IllegalStateException("The mapping could not be written", e);
        }
    }

    private Map<ImportField, String> readMapping(String written) {
        try {
            return json.readValue(written, MAPPING);
        } catch (IOException e) {
            return Map.of();
        }
    }
}

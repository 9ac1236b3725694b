package org.reviewcycle.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.reviewcycle.staff.StaffCategory.DEPUTY_HEAD;
import static org.reviewcycle.staff.StaffCategory.HEADTEACHER;
import static org.reviewcycle.staff.StaffCategory.TEACHER_MPG;
import static org.reviewcycle.staff.StaffCategory.TEACHING_ASSISTANT;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.identity.UserQuery;
import org.junit.jupiter.api.Test;
import org.reviewcycle.school.School;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.support.MariaDbTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * StaffMapper.xml on MariaDB: staff rows, logins, and the directory of users and groups that the
 * engine's identity provider reads (queries built the way {@link DirectoryQueries} builds them).
 */
@MariaDbTest
@Transactional
class StaffMapperTest {

    private static final String ACTOR = "mapper-test";
    private static final String HASH = "{noop}not-a-real-password";

    @Autowired StaffMapper staff;
    @Autowired TeamMapper teams;
    @Autowired SchoolService schoolService;
    @Autowired JdbcTemplate jdbc;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    // --- staff rows ---

    @Test
    void readsBackEveryColumnOfAnInsertedMemberOfStaff() {
        School oak = school("oak");
        StaffMember head = add(oak, "hana", "Hana", "Hughes", HEADTEACHER, true, true, null);
        StaffMember teacher = add(oak, "tom", "Tom", "Taylor", TEACHER_MPG, true, false, head.id());

        assertThat(head.id()).isNotNull();
        assertThat(teacher).isEqualTo(new StaffMember(teacher.id(), oak.id(), username("tom"), "Tom", "Taylor",
                email("tom"), "Job of tom", TEACHER_MPG, true, false, head.id()));
        assertThat(staff.selectById(head.id())).contains(new StaffMember(head.id(), oak.id(), username("hana"),
                "Hana", "Hughes", email("hana"), "Job of hana", HEADTEACHER, true, true, null));
    }

    @Test
    void selectsTheActiveHeadsOfOneSchoolOnly() {
        School oak = school("oak");
        School elm = school("elm");
        StaffMember hana = add(oak, "hana", "Hana", "Hughes", HEADTEACHER, true, false, null);
        StaffMember abe = add(oak, "abe", "Abe", "Adams", HEADTEACHER, true, false, null);
        add(oak, "old", "Olga", "Old", HEADTEACHER, false, false, null);
        add(oak, "dee", "Dee", "Deputy", DEPUTY_HEAD, true, false, hana.id());
        add(elm, "eli", "Eli", "Elm", HEADTEACHER, true, false, null);

        assertThat(staff.selectHeadsOf(oak.id())).containsExactly(abe, hana);
        assertThat(staff.selectHeadsOf(school("ash").id())).isEmpty();
    }

    @Test
    void findsNoMemberOfStaffForAnUnknownIdOrUsername() {
        assertThat(staff.selectById(-1)).isEmpty();
        assertThat(staff.selectByUsername(username("nobody"))).isEmpty();
    }

    @Test
    void refusesASecondMemberOfStaffWithTheSameUsername() {
        School oak = school("oak");
        School elm = school("elm");
        teacher(oak, "tom");

        assertThatThrownBy(() -> teacher(elm, "tom")).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void refusesAMemberOfStaffOfASchoolThatDoesNotExist() {
        var orphan = new StaffMember(null, -1L, username("orphan"), "Orphan", "Annie", email("orphan"), "Teacher",
                TEACHER_MPG, true, false, null);

        assertThatThrownBy(() -> staff.insertStaff(orphan, HASH, ACTOR))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void listsTheStaffOfOneSchoolOnlyByLastNameThenFirstName() {
        School oak = school("oak");
        School elm = school("elm");
        StaffMember zoeAdams = add(oak, "zoe", "Zoe", "Adams", TEACHER_MPG, true, false, null);
        StaffMember bobYoung = add(oak, "bob", "Bob", "Young", TEACHER_MPG, true, false, null);
        StaffMember annAdams = add(oak, "ann", "Ann", "Adams", TEACHER_MPG, true, false, null);
        StaffMember leftOak = add(oak, "left", "Lee", "Moss", TEACHER_MPG, false, false, null);
        add(elm, "eve", "Eve", "Baker", TEACHER_MPG, true, false, null);

        assertThat(staff.selectBySchool(oak.id())).containsExactly(annAdams, zoeAdams, leftOak, bobYoung);
    }

    @Test
    void assignsAndClearsAReviewer() {
        School oak = school("oak");
        StaffMember head = head(oak, "hana");
        StaffMember teacher = teacher(oak, "tom");

        assertThat(staff.updateReviewer(teacher.id(), head.id(), "the-head")).isEqualTo(1);
        assertThat(staff.selectById(teacher.id())).get().extracting(StaffMember::reviewerId).isEqualTo(head.id());
        assertThat(audit(teacher.id())).containsEntry("created_by", ACTOR).containsEntry("updated_by", "the-head");

        assertThat(staff.updateReviewer(teacher.id(), null, ACTOR)).isEqualTo(1);
        assertThat(staff.selectById(teacher.id())).get().extracting(StaffMember::reviewerId).isNull();
    }

    @Test
    void refusesAReviewerWhoDoesNotExist() {
        StaffMember teacher = teacher(school("oak"), "tom");

        assertThatThrownBy(() -> staff.updateReviewer(teacher.id(), -1L, ACTOR))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void changesNothingForAnUnknownMemberOfStaff() {
        assertThat(staff.updateReviewer(-1, null, ACTOR)).isZero();
        assertThat(staff.updateActive(-1, false, ACTOR)).isZero();
    }

    @Test
    void deactivatesAndReactivatesOneMemberOfStaff() {
        School oak = school("oak");
        StaffMember leaver = teacher(oak, "leaver");
        StaffMember stayer = teacher(oak, "stayer");

        assertThat(staff.updateActive(leaver.id(), false, "the-admin")).isEqualTo(1);
        assertThat(staff.selectById(leaver.id())).get().extracting(StaffMember::active).isEqualTo(false);
        assertThat(staff.selectById(stayer.id())).get().extracting(StaffMember::active).isEqualTo(true);
        assertThat(audit(leaver.id())).containsEntry("updated_by", "the-admin");

        assertThat(staff.updateActive(leaver.id(), true, ACTOR)).isEqualTo(1);
        assertThat(staff.selectById(leaver.id())).get().extracting(StaffMember::active).isEqualTo(true);
    }

    @Test
    void recordsWhoCreatedAMemberOfStaffAndWhen() {
        LocalDateTime before = databaseNow();
        StaffMember teacher = teacher(school("oak"), "tom");

        Map<String, Object> audit = audit(teacher.id());
        assertThat(audit).containsEntry("created_by", ACTOR).containsEntry("updated_by", ACTOR);
        assertThat(timestamp(audit, "created_at")).isBetween(before.minusSeconds(1), databaseNow());
        assertThat(timestamp(audit, "updated_at")).isEqualTo(timestamp(audit, "created_at"));
    }

    // --- logins ---

    @Test
    void readsTheLoginOfAMemberOfStaffWithTheirPasswordHash() {
        teacher(school("oak"), "tom");

        assertThat(staff.selectLogin(username("tom"))).contains(new StaffLogin(username("tom"), HASH, true));
    }

    @Test
    void readsTheLoginOfSomeoneWhoLeftAsInactive() {
        add(school("oak"), "left", "Lee", "Moss", TEACHER_MPG, false, false, null);

        assertThat(staff.selectLogin(username("left"))).contains(new StaffLogin(username("left"), HASH, false));
    }

    @Test
    void findsNoLoginForAnUnknownUsername() {
        assertThat(staff.selectLogin(username("nobody"))).isEmpty();
    }

    // --- directory: users ---

    @Test
    void findsADirectoryUserByUsernameWithNameAndEmail() {
        add(school("oak"), "tom", "Tom", "Taylor", TEACHER_MPG, true, false, null);

        assertThat(staff.selectDirectoryUsers(DirectoryQueries.user(username("tom"))))
                .containsExactly(new DirectoryUser(username("tom"), "Tom", "Taylor", email("tom")));
        assertThat(staff.countDirectoryUsers(DirectoryQueries.user(username("tom")))).isEqualTo(1);
        assertThat(staff.selectDirectoryUsers(DirectoryQueries.user(username("nobody")))).isEmpty();
    }

    @Test
    void neverShowsStaffWhoLeftAsUsers() {
        School oak = school("oak");
        teacher(oak, "tom");
        add(oak, "left", "Lee", "Moss", TEACHER_MPG, false, true, null);

        assertThat(staff.selectDirectoryUsers(DirectoryQueries.user(username("left")))).isEmpty();
        assertThat(usernames(q -> q.userIdIn(username("tom"), username("left")))).containsExactly(username("tom"));
        assertThat(countUsers(q -> q.userIdIn(username("tom"), username("left")))).isEqualTo(1);
        assertThat(usernames(q -> q.memberOfGroup(EngineGroups.schoolStaff(oak.code()))))
                .containsExactly(username("tom"));
    }

    @Test
    void findsUsersByTheirUsernames() {
        School oak = school("oak");
        teacher(oak, "amy");
        teacher(oak, "ben");
        teacher(oak, "cat");

        assertThat(usernames(q -> q.userIdIn(username("cat"), username("amy"), username("nobody"))))
                .containsExactly(username("amy"), username("cat"));
        assertThat(usernames(q -> q.userId(username("ben")))).containsExactly(username("ben"));
    }

    @Test
    void ignoresAnEmptyListOfUsernamesAsCamundaDoes() {
        School oak = school("oak");
        teacher(oak, "amy");
        teacher(oak, "ben");
        String group = EngineGroups.schoolStaff(oak.code());

        assertThat(usernames(q -> q.memberOfGroup(group).userIdIn())).containsExactly(username("amy"), username("ben"));
        assertThat(countUsers(q -> q.memberOfGroup(group).userIdIn())).isEqualTo(2);
    }

    @Test
    void findsUsersByExactOrPartialNamesAndEmails() {
        School oak = school("oak");
        add(oak, "amy", "Amy", "Archer" + suffix, TEACHER_MPG, true, false, null);
        add(oak, "ann", "Ann", "Archer" + suffix, TEACHER_MPG, true, false, null);
        add(oak, "bob", "Bob", "Brown" + suffix, TEACHER_MPG, true, false, null);

        assertThat(usernames(q -> q.userLastName("Archer" + suffix)))
                .containsExactly(username("amy"), username("ann"));
        assertThat(usernames(q -> q.userLastNameLike("%" + suffix).userFirstNameLike("A%")))
                .containsExactly(username("amy"), username("ann"));
        assertThat(usernames(q -> q.userLastNameLike("%" + suffix).userFirstName("Bob")))
                .containsExactly(username("bob"));
        assertThat(usernames(q -> q.userEmail(email("ann")))).containsExactly(username("ann"));
        assertThat(usernames(q -> q.userEmailLike("bob." + suffix + "@%"))).containsExactly(username("bob"));
        assertThat(countUsers(q -> q.userLastNameLike("%" + suffix))).isEqualTo(3);
    }

    @Test
    void findsTheStaffOfOneSchoolOnly() {
        School oak = school("oak");
        School elm = school("elm");
        head(oak, "hana");
        teacher(oak, "tom");
        head(elm, "eve");

        assertThat(usernames(q -> q.memberOfGroup(EngineGroups.schoolStaff(oak.code()))))
                .containsExactly(username("hana"), username("tom"));
        assertThat(countUsers(q -> q.memberOfGroup(EngineGroups.schoolStaff(oak.code())))).isEqualTo(2);
    }

    @Test
    void showsAViewerTheStaffAndGroupsOfTheirOwnSchoolOnly() {
        School oak = school("oak");
        School elm = school("elm");
        StaffMember hana = head(oak, "hana");
        teacher(oak, "tom");
        head(elm, "eve");
        var everyoneOfOurs = new StaffUserQuery();
        everyoneOfOurs.userIdIn(username("hana"), username("tom"), username("eve"));

        assertThat(staff.selectDirectoryUsers(DirectoryQueries.users(everyoneOfOurs).seenBy(username("tom"))))
                .extracting(DirectoryUser::id).containsExactly(username("hana"), username("tom"));
        assertThat(staff.countDirectoryUsers(DirectoryQueries.users(everyoneOfOurs).seenBy(username("tom"))))
                .isEqualTo(2);
        assertThat(staff.selectDirectoryUsers(DirectoryQueries.users(everyoneOfOurs).seenBy(username("eve"))))
                .extracting(DirectoryUser::id).containsExactly(username("eve"));
        assertThat(staff.selectDirectoryUsers(DirectoryQueries.users(everyoneOfOurs))).hasSize(3);

        var schoolGroups = new StaffGroupQuery();
        schoolGroups.groupIdIn(EngineGroups.headOf(oak.code()), EngineGroups.headOf(elm.code()), EngineGroups.HEADS);
        assertThat(groupIds(DirectoryQueries.groups(schoolGroups).seenBy(hana.username())))
                .containsExactly(EngineGroups.HEADS, EngineGroups.headOf(oak.code()));
        assertThat(staff.countDirectoryGroups(DirectoryQueries.groups(schoolGroups).seenBy(username("eve"))))
                .isEqualTo(2);
        assertThat(groupIds(DirectoryQueries.groups(schoolGroups).seenBy(username("nobody")))).isEmpty();
    }

    @Test
    void findsTheHeadsOfOneSchoolOnly() {
        School oak = school("oak");
        School elm = school("elm");
        head(oak, "hana");
        add(oak, "dan", "Dan", "Deputy", DEPUTY_HEAD, true, false, null);
        head(elm, "eve");

        assertThat(usernames(q -> q.memberOfGroup(EngineGroups.headOf(oak.code()))))
                .containsExactly(username("hana"));
        assertThat(usernames(q -> q.memberOfGroup(EngineGroups.headOf(elm.code()))))
                .containsExactly(username("eve"));
        assertThat(usernames(q -> q.memberOfGroup(EngineGroups.HEADS)
                .userIdIn(username("hana"), username("dan"), username("eve"))))
                .containsExactly(username("eve"), username("hana"));
    }

    @Test
    void findsAllStaffTeamLeadersAndAdministratorsByRole() {
        School oak = school("oak");
        StaffMember leader = teacher(oak, "lea");
        teacher(oak, "tom");
        add(oak, "ada", "Ada", "Admin", TEACHING_ASSISTANT, true, true, null);
        team(oak, "maths", "Maths", leader);
        String[] ours = {username("lea"), username("tom"), username("ada")};

        assertThat(usernames(q -> q.memberOfGroup(EngineGroups.STAFF).userIdIn(ours)))
                .containsExactly(username("ada"), username("lea"), username("tom"));
        assertThat(usernames(q -> q.memberOfGroup(EngineGroups.TEAM_LEADERS).userIdIn(ours)))
                .containsExactly(username("lea"));
        assertThat(usernames(q -> q.memberOfGroup(EngineGroups.ADMINS).userIdIn(ours)))
                .containsExactly(username("ada"));
    }

    @Test
    void findsTheMembersOfOneTeamOnly() {
        School oak = school("oak");
        StaffMember leader = teacher(oak, "lea");
        StaffMember tom = teacher(oak, "tom");
        StaffMember una = teacher(oak, "una");
        teacher(oak, "out");
        Team maths = team(oak, "maths", "Maths", leader, tom);
        team(oak, "english", "English", una);

        assertThat(usernames(q -> q.memberOfGroup(EngineGroups.team(oak.code(), maths.code()))))
                .containsExactly(username("lea"), username("tom"));
        assertThat(usernames(q -> q.memberOfGroup(EngineGroups.team(oak.code(), "english"))))
                .containsExactly(username("una"));
    }

    @Test
    void findsNoUsersInAGroupThatDoesNotExist() {
        teacher(school("oak"), "tom");

        assertThat(usernames(q -> q.memberOfGroup("school-nowhere-" + suffix))).isEmpty();
        assertThat(countUsers(q -> q.memberOfGroup("school-nowhere-" + suffix))).isZero();
    }

    @Test
    void pagesUsersWhileTheCountIgnoresThePage() {
        School oak = school("oak");
        for (String name : List.of("dee", "amy", "cal", "ben", "eli")) {
            teacher(oak, name);
        }
        var query = new DirectoryQuery(null, null, null, null, null, null, null, null,
                EngineGroups.schoolStaff(oak.code()), null, null, null, null, null, "s.username", 1, 2, null);

        assertThat(staff.selectDirectoryUsers(query)).extracting(DirectoryUser::id)
                .containsExactly(username("ben"), username("cal"));
        assertThat(staff.countDirectoryUsers(query)).isEqualTo(5);
        assertThat(usernames(q -> q.memberOfGroup(EngineGroups.schoolStaff(oak.code())), 4, 10))
                .containsExactly(username("eli"));
    }

    @Test
    void ordersUsersAsTheEngineQueryAsks() {
        School oak = school("oak");
        add(oak, "amy", "Amy", "Young", TEACHER_MPG, true, false, null);
        add(oak, "bob", "Bob", "Adams", TEACHER_MPG, true, false, null);
        add(oak, "cat", "Cat", "Young", TEACHER_MPG, true, false, null);
        String group = EngineGroups.schoolStaff(oak.code());

        assertThat(usernames(q -> q.memberOfGroup(group).orderByUserLastName().asc()))
                .containsExactly(username("bob"), username("amy"), username("cat"));
        assertThat(usernames(q -> q.memberOfGroup(group).orderByUserLastName().desc().orderByUserFirstName().desc()))
                .containsExactly(username("cat"), username("amy"), username("bob"));
        assertThat(usernames(q -> q.memberOfGroup(group).orderByUserId().desc()))
                .containsExactly(username("cat"), username("bob"), username("amy"));
    }

    // --- directory: groups ---

    @Test
    void findsTheGroupsOfOneMemberOnly() {
        School oak = school("oak");
        StaffMember head = head(oak, "hana");
        StaffMember leader = teacher(oak, "lea");
        teacher(oak, "tom");
        add(oak, "ada", "Ada", "Admin", TEACHING_ASSISTANT, true, true, null);
        team(oak, "maths", "Maths", leader);

        assertThat(groupIds(DirectoryQueries.groupsOf(head.username())))
                .containsExactly("heads", "heads-" + oak.code(), "school-" + oak.code(), "staff");
        assertThat(groupIds(DirectoryQueries.groupsOf(leader.username())))
                .containsExactly("school-" + oak.code(), "staff", "team-leaders", "team-" + oak.code() + "-maths");
        assertThat(groupIds(DirectoryQueries.groupsOf(username("tom"))))
                .containsExactly("school-" + oak.code(), "staff");
        assertThat(groupIds(DirectoryQueries.groupsOf(username("ada"))))
                .containsExactly("admins", "admins-" + oak.code(), "school-" + oak.code(), "staff");
        assertThat(groupIds(DirectoryQueries.groupsOf(username("nobody")))).isEmpty();
    }

    @Test
    void putsStaffWhoLeftInNoGroup() {
        School oak = school("oak");
        School gone = school("gone");
        StaffMember leaver = add(oak, "left", "Lee", "Moss", HEADTEACHER, false, true, null);
        teacher(oak, "tom");
        team(oak, "maths", "Maths", leaver);
        add(gone, "old", "Olive", "Old", HEADTEACHER, false, false, null);

        assertThat(groupIds(DirectoryQueries.groupsOf(leaver.username()))).isEmpty();
        assertThat(groupIds(DirectoryQueries.group("heads-" + oak.code()))).isEmpty();
        assertThat(groupIds(DirectoryQueries.group("team-" + oak.code() + "-maths"))).isEmpty();
        assertThat(groupIds(DirectoryQueries.group("school-" + gone.code()))).isEmpty();
        assertThat(staff.countDirectoryGroups(DirectoryQueries.group("heads-" + gone.code()))).isZero();
        assertThat(groupIds(DirectoryQueries.group("school-" + oak.code()))).containsExactly("school-" + oak.code());
    }

    @Test
    void namesEachKindOfGroupAndGivesItsType() {
        School oak = school("oak");
        StaffMember head = add(oak, "hana", "Hana", "Hughes", HEADTEACHER, true, true, null);
        team(oak, "maths", "Maths team", head);
        String schoolName = oak.name();

        assertThat(group("staff")).isEqualTo(new DirectoryGroup("staff", "All staff", "ROLE"));
        assertThat(group("heads")).isEqualTo(new DirectoryGroup("heads", "Headteachers", "ROLE"));
        assertThat(group("team-leaders")).isEqualTo(new DirectoryGroup("team-leaders", "Team leaders", "ROLE"));
        assertThat(group("admins")).isEqualTo(new DirectoryGroup("admins", "ReviewCycle administrators", "SYSTEM"));
        assertThat(group("school-" + oak.code()))
                .isEqualTo(new DirectoryGroup("school-" + oak.code(), "Staff of " + schoolName, "SCHOOL"));
        assertThat(group("heads-" + oak.code()))
                .isEqualTo(new DirectoryGroup("heads-" + oak.code(), "Headteacher of " + schoolName, "SCHOOL"));
        assertThat(group("team-" + oak.code() + "-maths"))
                .isEqualTo(new DirectoryGroup("team-" + oak.code() + "-maths", "Maths team, " + schoolName, "TEAM"));
        assertThat(staff.selectDirectoryGroups(DirectoryQueries.group("no-such-group-" + suffix))).isEmpty();
    }

    @Test
    void listsAGroupOnceHoweverManyMembersItHas() {
        School oak = school("oak");
        teacher(oak, "amy");
        teacher(oak, "ben");
        teacher(oak, "cat");

        assertThat(staff.selectDirectoryGroups(DirectoryQueries.group("school-" + oak.code()))).hasSize(1);
        assertThat(staff.countDirectoryGroups(DirectoryQueries.group("school-" + oak.code()))).isEqualTo(1);
    }

    @Test
    void filtersGroupsByIdsNameTypeAndMember() {
        School oak = school("oak");
        School elm = school("elm");
        StaffMember hana = head(oak, "hana");
        StaffMember eve = head(elm, "eve");
        team(oak, "maths", "Maths", hana);
        team(elm, "art", "Art", eve);

        assertThat(groupIds(q -> q.groupIdIn("school-" + oak.code(), "heads-" + elm.code(), "no-such-" + suffix)))
                .containsExactly("heads-" + elm.code(), "school-" + oak.code());
        assertThat(groupIds(q -> q.groupName("Staff of " + oak.name()))).containsExactly("school-" + oak.code());
        assertThat(groupIds(q -> q.groupNameLike("%" + suffix).groupType("TEAM")))
                .containsExactlyInAnyOrder("team-" + oak.code() + "-maths", "team-" + elm.code() + "-art");
        assertThat(groupIds(q -> q.groupMember(hana.username()).groupType("SCHOOL")))
                .containsExactly("heads-" + oak.code(), "school-" + oak.code());
        assertThat(countGroups(q -> q.groupNameLike("%" + suffix))).isEqualTo(6);
    }

    @Test
    void ignoresAnEmptyListOfGroupIdsAsCamundaDoes() {
        School oak = school("oak");
        StaffMember tom = teacher(oak, "tom");

        assertThat(groupIds(q -> q.groupMember(tom.username()).groupIdIn()))
                .containsExactly("school-" + oak.code(), "staff");
        assertThat(countGroups(q -> q.groupMember(tom.username()).groupIdIn())).isEqualTo(2);
    }

    @Test
    void pagesAndOrdersGroups() {
        School oak = school("oak");
        StaffMember hana = head(oak, "hana");
        team(oak, "maths", "Maths", hana);

        assertThat(groupIds(q -> q.groupMember(hana.username()), 1, 3))
                .containsExactly("heads-" + oak.code(), "school-" + oak.code(), "staff");
        assertThat(countGroups(q -> q.groupMember(hana.username()))).isEqualTo(6);
        assertThat(groupIds(q -> q.groupMember(hana.username()).orderByGroupType().asc().orderByGroupName().desc()))
                .containsExactly("team-leaders", "heads", "staff", // ROLE: Team leaders, Headteachers, All staff
                        "school-" + oak.code(), "heads-" + oak.code(), // SCHOOL: Staff of…, Headteacher of…
                        "team-" + oak.code() + "-maths"); // TEAM
    }

    // --- fixtures ---

    private School school(String code) {
        return schoolService.createSchool(code + "-" + suffix, capitalize(code) + " Primary " + suffix);
    }

    private StaffMember head(School school, String name) {
        return add(school, name, capitalize(name), "Head", HEADTEACHER, true, false, null);
    }

    private StaffMember teacher(School school, String name) {
        return add(school, name, capitalize(name), "Teacher", TEACHER_MPG, true, false, null);
    }

    private StaffMember add(School school, String name, String firstName, String lastName, StaffCategory category,
            boolean active, boolean administrator, Long reviewerId) {
        staff.insertStaff(new StaffMember(null, school.id(), username(name), firstName, lastName, email(name),
                "Job of " + name, category, active, administrator, reviewerId), HASH, ACTOR);
        return staff.selectByUsername(username(name)).orElseThrow();
    }

    /** A team led by {@code leader}, who is a member too (as StaffService makes teams). */
    private Team team(School school, String code, String name, StaffMember leader, StaffMember... members) {
        teams.insertTeam(new Team(null, school.id(), code, name, leader.id()), ACTOR);
        Team team = teams.selectBySchoolAndCode(school.id(), code).orElseThrow();
        teams.insertMember(team.id(), leader.id(), ACTOR);
        for (StaffMember member : members) {
            teams.insertMember(team.id(), member.id(), ACTOR);
        }
        return team;
    }

    private String username(String name) {
        return name + "." + suffix;
    }

    private String email(String name) {
        return name + "." + suffix + "@school.example.org";
    }

    private static String capitalize(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private List<String> usernames(Consumer<UserQuery> criteria) {
        return usernames(criteria, 0, Integer.MAX_VALUE);
    }

    private List<String> usernames(Consumer<UserQuery> criteria, int firstResult, int maxResults) {
        var query = new StaffUserQuery();
        criteria.accept(query);
        query.setFirstResult(firstResult);
        query.setMaxResults(maxResults);
        return staff.selectDirectoryUsers(DirectoryQueries.users(query)).stream().map(DirectoryUser::id).toList();
    }

    private long countUsers(Consumer<UserQuery> criteria) {
        var query = new StaffUserQuery();
        criteria.accept(query);
        return staff.countDirectoryUsers(DirectoryQueries.users(query));
    }

    private List<String> groupIds(DirectoryQuery query) {
        return staff.selectDirectoryGroups(query).stream().map(DirectoryGroup::id).toList();
    }

    private List<String> groupIds(Consumer<GroupQuery> criteria) {
        return groupIds(criteria, 0, Integer.MAX_VALUE);
    }

    private List<String> groupIds(Consumer<GroupQuery> criteria, int firstResult, int maxResults) {
        var query = new StaffGroupQuery();
        criteria.accept(query);
        query.setFirstResult(firstResult);
        query.setMaxResults(maxResults);
        return groupIds(DirectoryQueries.groups(query));
    }

    private long countGroups(Consumer<GroupQuery> criteria) {
        var query = new StaffGroupQuery();
        criteria.accept(query);
        return staff.countDirectoryGroups(DirectoryQueries.groups(query));
    }

    private DirectoryGroup group(String id) {
        List<DirectoryGroup> found = staff.selectDirectoryGroups(DirectoryQueries.group(id));
        assertThat(found).as("group %s", id).hasSize(1);
        return found.get(0);
    }

    private Map<String, Object> audit(long staffId) {
        return jdbc.queryForMap("select created_by, created_at, updated_by, updated_at from staff_member where id = ?",
                staffId);
    }

    private static LocalDateTime timestamp(Map<String, Object> row, String column) {
        Object value = row.get(column);
        assertThat(value).as(column).isNotNull();
        return value instanceof java.sql.Timestamp t ? t.toLocalDateTime() : (LocalDateTime) value;
    }

    private LocalDateTime databaseNow() {
        return jdbc.queryForObject("select current_timestamp", LocalDateTime.class);
    }
}

package org.reviewcycle.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.reviewcycle.school.School;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.support.MariaDbTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/** TeamMapper.xml on MariaDB: teams, their leaders and their members. */
@MariaDbTest
@Transactional
class TeamMapperTest {

    private static final String ACTOR = "mapper-test";

    @Autowired TeamMapper teams;
    @Autowired StaffMapper staff;
    @Autowired SchoolService schoolService;
    @Autowired JdbcTemplate jdbc;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void findsAnInsertedTeamByItsSchoolAndCode() {
        School oak = school("oak");
        StaffMember leader = person(oak, "lea");

        Team team = team(oak, "maths", "Maths", leader);

        assertThat(team.id()).isNotNull();
        assertThat(team).isEqualTo(new Team(team.id(), oak.id(), "maths", "Maths", leader.id()));
    }

    @Test
    void findsNoTeamForAnUnknownCodeOrInAnotherSchool() {
        School oak = school("oak");
        School elm = school("elm");
        team(oak, "maths", "Maths", person(oak, "lea"));

        assertThat(teams.selectBySchoolAndCode(oak.id(), "art")).isEmpty();
        assertThat(teams.selectBySchoolAndCode(elm.id(), "maths")).isEmpty();
    }

    @Test
    void refusesTheSameTeamCodeTwiceInOneSchool() {
        School oak = school("oak");
        StaffMember leader = person(oak, "lea");
        team(oak, "maths", "Maths", leader);

        assertThatThrownBy(() -> teams.insertTeam(new Team(null, oak.id(), "maths", "More maths", leader.id()), ACTOR))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void allowsTheSameTeamCodeInAnotherSchool() {
        School oak = school("oak");
        School elm = school("elm");
        Team oakMaths = team(oak, "maths", "Maths", person(oak, "lea"));

        Team elmMaths = team(elm, "maths", "Maths", person(elm, "eve"));

        assertThat(elmMaths.id()).isNotEqualTo(oakMaths.id());
        assertThat(elmMaths.schoolId()).isEqualTo(elm.id());
    }

    @Test
    void refusesATeamWhoseLeaderDoesNotExist() {
        School oak = school("oak");

        assertThatThrownBy(() -> teams.insertTeam(new Team(null, oak.id(), "maths", "Maths", -1L), ACTOR))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void listsTheTeamsOfOneSchoolOnlyByName() {
        School oak = school("oak");
        School elm = school("elm");
        StaffMember leader = person(oak, "lea");
        Team science = team(oak, "sci", "Science", leader);
        Team art = team(oak, "art", "Art", leader);
        Team maths = team(oak, "maths", "Maths", person(oak, "max"));
        team(elm, "eng", "English", person(elm, "eve"));

        assertThat(teams.selectBySchool(oak.id())).containsExactly(art, maths, science);
    }

    @Test
    void findsTheTeamsLedByOnePersonOnlyByName() {
        School oak = school("oak");
        StaffMember lea = person(oak, "lea");
        StaffMember max = person(oak, "max");
        Team science = team(oak, "sci", "Science", lea);
        Team art = team(oak, "art", "Art", lea);
        team(oak, "maths", "Maths", max);

        assertThat(teams.selectLedBy(lea.id())).containsExactly(art, science);
        assertThat(teams.selectLedBy(person(oak, "tom").id())).isEmpty();
    }

    @Test
    void listsTheMemberIdsOfOneTeamOnlyInIdOrder() {
        School oak = school("oak");
        StaffMember lea = person(oak, "lea");
        StaffMember amy = person(oak, "amy");
        StaffMember ben = person(oak, "ben");
        Team maths = team(oak, "maths", "Maths", lea);
        Team art = team(oak, "art", "Art", ben);
        teams.insertMember(maths.id(), ben.id(), ACTOR);
        teams.insertMember(maths.id(), amy.id(), ACTOR);
        teams.insertMember(maths.id(), lea.id(), ACTOR);
        teams.insertMember(art.id(), amy.id(), ACTOR);

        assertThat(teams.selectMemberIds(maths.id())).containsExactly(lea.id(), amy.id(), ben.id());
        assertThat(teams.selectMemberIds(art.id())).containsExactly(amy.id());
    }

    @Test
    void findsNoMembersInATeamWithoutMembers() {
        School oak = school("oak");

        assertThat(teams.selectMemberIds(team(oak, "maths", "Maths", person(oak, "lea")).id())).isEmpty();
        assertThat(teams.selectMemberIds(-1)).isEmpty();
    }

    @Test
    void refusesTheSameMemberTwiceInOneTeam() {
        School oak = school("oak");
        StaffMember lea = person(oak, "lea");
        Team maths = team(oak, "maths", "Maths", lea);
        teams.insertMember(maths.id(), lea.id(), ACTOR);

        assertThatThrownBy(() -> teams.insertMember(maths.id(), lea.id(), ACTOR))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void refusesAMemberWhoDoesNotExistOrATeamThatDoesNotExist() {
        School oak = school("oak");
        StaffMember lea = person(oak, "lea");
        Team maths = team(oak, "maths", "Maths", lea);

        assertThatThrownBy(() -> teams.insertMember(maths.id(), -1L, ACTOR))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> teams.insertMember(-1L, lea.id(), ACTOR))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void recordsWhoCreatedATeamAndAMembershipAndWhen() {
        LocalDateTime before = databaseNow();
        School oak = school("oak");
        StaffMember lea = person(oak, "lea");
        Team maths = team(oak, "maths", "Maths", lea);
        teams.insertMember(maths.id(), lea.id(), "the-head");

        Map<String, Object> team = jdbc.queryForMap(
                "select created_by, created_at, updated_by, updated_at from team where id = ?", maths.id());
        Map<String, Object> member = jdbc.queryForMap("select created_by, created_at, updated_by, updated_at"
                + " from team_member where team_id = ? and staff_id = ?", maths.id(), lea.id());

        assertThat(team).containsEntry("created_by", ACTOR).containsEntry("updated_by", ACTOR);
        assertThat(member).containsEntry("created_by", "the-head").containsEntry("updated_by", "the-head");
        for (Map<String, Object> row : List.of(team, member)) {
            assertThat(timestamp(row, "created_at")).isBetween(before.minusSeconds(1), databaseNow());
            assertThat(timestamp(row, "updated_at")).isEqualTo(timestamp(row, "created_at"));
        }
    }

    // --- fixtures ---

    private School school(String code) {
        return schoolService.createSchool(code + "-" + suffix, code + " school " + suffix);
    }

    private StaffMember person(School school, String name) {
        String username = name + "." + suffix;
        staff.insertStaff(new StaffMember(null, school.id(), username, name, "Teacher", username + "@example.org",
                "Teacher", StaffCategory.TEACHER_MPG, true, false, null), "{noop}x", ACTOR);
        return staff.selectByUsername(username).orElseThrow();
    }

    private Team team(School school, String code, String name, StaffMember leader) {
        teams.insertTeam(new Team(null, school.id(), code, name, leader.id()), ACTOR);
        return teams.selectBySchoolAndCode(school.id(), code).orElseThrow();
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

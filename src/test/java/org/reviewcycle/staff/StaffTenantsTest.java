package org.reviewcycle.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.camunda.bpm.engine.identity.TenantQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewcycle.school.School;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.support.MariaDbTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

/**
 * The engine's tenants as StaffMapper.xml answers them on MariaDB: one per school, and who belongs
 * to which (the queries Camunda's login makes: a person's tenants including their groups').
 */
@MariaDbTest
@Transactional
class StaffTenantsTest {

    @Autowired StaffMapper staff;
    @Autowired TeamMapper teams;
    @Autowired SchoolService schools;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private School oak;
    private School elm;
    private StaffMember teacher;
    private StaffMember elmHead;
    private StaffMember trustAdmin;

    @BeforeEach
    void twoSchools() {
        oak = schools.createSchool("oak-" + suffix, "Oak Primary " + suffix);
        elm = schools.createSchool("elm-" + suffix, "Elm Primary " + suffix);
        teacher = add(oak, "tom", StaffCategory.TEACHER_MPG, false, true);
        add(oak, "lee", StaffCategory.TEACHER_MPG, false, false);
        elmHead = add(elm, "eve", StaffCategory.HEADTEACHER, false, true);
        trustAdmin = add(oak, "sam", StaffCategory.OTHER_SUPPORT_STAFF, true, true);
        teams.insertTeam(new Team(null, oak.id(), "ks2", "Key stage 2", teacher.id()), "test");
        teams.insertMember(teams.selectBySchoolAndCode(oak.id(), "ks2").orElseThrow().id(), teacher.id(), "test");
    }

    @Test
    void eachSchoolIsATenantNamedAfterIt() {
        assertThat(staff.selectDirectoryTenants(DirectoryQueries.tenant(oak.code())))
                .containsExactly(new DirectoryTenant(oak.code(), oak.name()));
        assertThat(tenantIds(q -> q.tenantNameLike("%Primary " + suffix).orderByTenantName().desc()))
                .containsExactly(oak.code(), elm.code());
        assertThat(staff.selectDirectoryTenants(DirectoryQueries.tenant("no-such-school"))).isEmpty();
    }

    @Test
    void staffBelongToTheirOwnSchoolsTenantAndTrustAdminsToEverySchools() {
        assertThat(tenantIds(q -> q.userMember(teacher.username()).includingGroupsOfUser(true))).containsExactly(oak.code());
        assertThat(tenantIds(q -> q.userMember(elmHead.username()))).containsExactly(elm.code());
        assertThat(tenantIds(q -> q.userMember(trustAdmin.username()).includingGroupsOfUser(true)
                .tenantIdIn(oak.code(), elm.code()))).containsExactly(elm.code(), oak.code());
        assertThat(tenantIds(q -> q.userMember("lee." + suffix))).isEmpty();
    }

    @Test
    void aSchoolsOwnGroupsBelongToItsTenantAndTheTrustWideRolesToNone() {
        for (String group : List.of(EngineGroups.schoolStaff(oak.code()), EngineGroups.headOf(oak.code()),
                EngineGroups.adminsOf(oak.code()), EngineGroups.team(oak.code(), "ks2"))) {
            assertThat(tenantIds(q -> q.groupMember(group))).as(group).containsExactly(oak.code());
        }
        for (String role : List.of(EngineGroups.STAFF, EngineGroups.HEADS, EngineGroups.ADMINS,
                EngineGroups.TRUST_ADMINS, EngineGroups.team(elm.code(), "ks2"))) {
            assertThat(tenantIds(q -> q.groupMember(role))).as(role).isEmpty();
        }
    }

    @Test
    void aTenantsMembersAreItsStaffAndTheTrustAdminsAndItsGroups() {
        var users = new StaffUserQuery();
        users.memberOfTenant(oak.code()).userIdIn(teacher.username(), elmHead.username(), trustAdmin.username());
        assertThat(staff.selectDirectoryUsers(DirectoryQueries.users(users))).extracting(DirectoryUser::id)
                .containsExactlyInAnyOrder(teacher.username(), trustAdmin.username());

        // a group is there while it has members: Oak has admins and a team, Elm only its head
        var groups = new StaffGroupQuery();
        groups.memberOfTenant(oak.code());
        assertThat(staff.selectDirectoryGroups(DirectoryQueries.groups(groups))).extracting(DirectoryGroup::id)
                .containsExactlyInAnyOrder(EngineGroups.schoolStaff(oak.code()), EngineGroups.adminsOf(oak.code()),
                        EngineGroups.team(oak.code(), "ks2"));
        groups.memberOfTenant(elm.code());
        assertThat(staff.selectDirectoryGroups(DirectoryQueries.groups(groups))).extracting(DirectoryGroup::id)
                .containsExactlyInAnyOrder(EngineGroups.schoolStaff(elm.code()), EngineGroups.headOf(elm.code()));
        assertThat(staff.countDirectoryGroups(DirectoryQueries.groups(groups))).isEqualTo(2);
    }

    @Test
    void aViewerSeesTheirOwnSchoolsTenantOnly() {
        var both = new StaffTenantQuery();
        both.tenantIdIn(oak.code(), elm.code());
        assertThat(staff.selectDirectoryTenants(DirectoryQueries.tenants(both).seenBy(elmHead.username())))
                .extracting(DirectoryTenant::id).containsExactly(elm.code());
        assertThat(staff.countDirectoryTenants(DirectoryQueries.tenants(both).seenBy(teacher.username()))).isEqualTo(1);
        assertThat(staff.countDirectoryTenants(DirectoryQueries.tenants(both))).isEqualTo(2);
    }

    private List<String> tenantIds(Consumer<TenantQuery> criteria) {
        var query = new StaffTenantQuery();
        criteria.accept(query);
        var ids = staff.selectDirectoryTenants(DirectoryQueries.tenants(query)).stream().map(DirectoryTenant::id).toList();
        assertThat(staff.countDirectoryTenants(DirectoryQueries.tenants(query))).isEqualTo(ids.size());
        return ids;
    }

    private StaffMember add(School school, String name, StaffCategory category, boolean trustAdmin, boolean active) {
        String username = name + "." + suffix;
        staff.insertStaff(new StaffMember(null, school.id(), username, name, "Of " + school.code(),
                username + "@example.org", category.label(), category, active, trustAdmin, null, null, null, null,
                null, trustAdmin), "{noop}x", "test");
        return staff.selectByUsername(username).orElseThrow();
    }
}

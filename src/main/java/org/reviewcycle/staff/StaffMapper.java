package org.reviewcycle.staff;

import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** SQL in StaffMapper.xml: staff, logins, and the directory (users, groups and tenants) the engine reads. */
@Mapper
interface StaffMapper {

    void insertStaff(@Param("staff") StaffMember staff, @Param("passwordHash") String passwordHash,
            @Param("actor") String actor);

    Optional<StaffMember> selectById(long id);

    Optional<StaffMember> selectByUsername(String username);

    List<StaffMember> selectBySchool(long schoolId);

    List<StaffMember> selectHeadsOf(long schoolId);

    int updateReviewer(@Param("staffId") long staffId, @Param("reviewerId") Long reviewerId,
            @Param("actor") String actor);

    int updateActive(@Param("staffId") long staffId, @Param("active") boolean active, @Param("actor") String actor);

    Optional<StaffLogin> selectLogin(String username);

    List<DirectoryUser> selectDirectoryUsers(DirectoryQuery query);

    long countDirectoryUsers(DirectoryQuery query);

    List<DirectoryGroup> selectDirectoryGroups(DirectoryQuery query);

    long countDirectoryGroups(DirectoryQuery query);

    List<DirectoryTenant> selectDirectoryTenants(TenantDirectoryQuery query);

    long countDirectoryTenants(TenantDirectoryQuery query);
    // --- school and trust administrators (the Schools page) ---

    int updateAdministrator(@Param("staffId") long staffId, @Param("administrator") boolean administrator,
            @Param("actor") String actor);

    int updateTrustAdmin(@Param("staffId") long staffId, @Param("trustAdmin") boolean trustAdmin,
            @Param("actor") String actor);

    List<StaffMember> selectTrustAdmins();
}

package org.reviewcycle.staff;

import java.time.LocalDate;
import java.time.LocalDateTime;
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
    // --- staff pages and the MIS import ---

    List<StaffListEntry> selectStaffPage(StaffSearch search);

    long countStaff(StaffSearch search);

    int updateDetails(@Param("staff") StaffMember staff, @Param("actor") String actor);

    /** Moves a member of staff to {@code staff.schoolId} with who they are there (StaffService.moveToSchool). */
    int updateSchool(@Param("staff") StaffMember staff, @Param("actor") String actor);

    int updateLineManager(@Param("staffId") long staffId, @Param("lineManagerId") Long lineManagerId,
            @Param("actor") String actor);

    int updateLeftOn(@Param("staffId") long staffId, @Param("leftOn") LocalDate leftOn, @Param("actor") String actor);

    int updatePassword(@Param("staffId") long staffId, @Param("passwordHash") String passwordHash,
            @Param("actor") String actor);

    /** Replaces the password only while it is still {@code currentHash} (the one just checked): 1, or 0 if it changed meanwhile. */
    int updateOwnPassword(@Param("staffId") long staffId, @Param("currentHash") String currentHash,
            @Param("passwordHash") String passwordHash, @Param("actor") String actor);

    /** The name of the school, for a member of staff's own profile. */
    String selectSchoolName(@Param("schoolId") long schoolId);

    void insertImported(@Param("people") List<StaffMember> people, @Param("actor") String actor);

    List<String> selectUsernamesStartingWith(@Param("prefix") String prefix);

    void insertUpload(@Param("upload") ImportUpload upload, @Param("actor") String actor);

    Optional<ImportUpload> selectUpload(@Param("id") long id, @Param("schoolId") long schoolId);

    void updateUploadMapping(@Param("id") long id, @Param("mapping") String mapping);

    void deleteUpload(long id);

    void deleteUploadsBefore(@Param("schoolId") long schoolId, @Param("before") LocalDateTime before);

    Optional<String> selectMapping(long schoolId);

    int updateMapping(@Param("schoolId") long schoolId, @Param("mapping") String mapping, @Param("actor") String actor);

    void insertMapping(@Param("schoolId") long schoolId, @Param("mapping") String mapping, @Param("actor") String actor);

    /** Who reviews whom, for {@link #updateReviewers}. */
    record ReviewerLink(long staffId, Long reviewerId) {
    }

    void updateReviewers(@Param("links") List<ReviewerLink> links, @Param("actor") String actor);

    /** The same as {@link #selectBySchool}, unordered, faster for a whole school (the import). */
    List<StaffMember> selectWholeSchool(long schoolId);

    record NumberedId(Long id, String staffNumber) {
    }

    List<NumberedId> selectIdsByStaffNumber(long schoolId);
}

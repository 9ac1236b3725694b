package org.reviewcycle.reporting;

import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.reviewcycle.staff.StaffLogin;

/** Governors' accounts (GovernorMapper.xml). */
@Mapper
interface GovernorMapper {

    void insertGovernor(@Param("governor") Governor governor, @Param("passwordHash") String passwordHash,
            @Param("actor") String actor);

    List<Governor> selectGovernorsOf(@Param("schoolId") long schoolId);

    Optional<Governor> selectGovernorByUsername(@Param("username") String username);

    Optional<StaffLogin> selectLogin(@Param("username") String username);

    boolean usernameTaken(@Param("username") String username);

    void updatePassword(@Param("username") String username, @Param("passwordHash") String passwordHash);

    void updateActive(@Param("schoolId") long schoolId, @Param("id") long id, @Param("active") boolean active,
            @Param("actor") String actor);
}

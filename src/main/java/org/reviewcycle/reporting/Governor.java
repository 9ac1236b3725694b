package org.reviewcycle.reporting;

import org.apache.ibatis.annotations.AutomapConstructor;

/** A governor of one school: logs in to read the school's dashboard in aggregate, and nothing else. */
public record Governor(Long id, Long schoolId, String username, String firstName, String lastName, String email,
        boolean active) {

    @AutomapConstructor
    public Governor {
    }

    public String fullName() {
        return firstName + " " + lastName;
    }
}

package org.reviewcycle.school;

import org.apache.ibatis.annotations.AutomapConstructor;

/**
 * A School Improvement Plan priority that objectives serve, e.g. "W1: raise standards in writing";
 * {@code trustPriorityId} names the trust priority it serves, if any.
 */
public record SchoolPriority(Long id, Long schoolId, String code, String title, String wholeSchoolTarget,
        Long trustPriorityId) {

    /** The constructor MyBatis maps rows with. */
    @AutomapConstructor
    public SchoolPriority {
    }

    /** A priority of the school's own, serving no trust priority. */
    public SchoolPriority(Long id, Long schoolId, String code, String title, String wholeSchoolTarget) {
        this(id, schoolId, code, title, wholeSchoolTarget, null);
    }
}

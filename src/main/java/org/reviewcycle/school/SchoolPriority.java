package org.reviewcycle.school;

/** A School Improvement Plan priority that objectives serve, e.g. "W1: raise standards in writing". */
public record SchoolPriority(Long id, Long schoolId, String code, String title, String wholeSchoolTarget) {
}

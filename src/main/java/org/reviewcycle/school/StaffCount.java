package org.reviewcycle.school;

/** One school's staff still working there, and how many of them have no reviewer (SchoolMapper). */
record StaffCount(Long schoolId, long staffCount, long withoutReviewer) {
}

package org.reviewcycle.staff;

/**
 * A member of staff as their own profile shows them: who they are, their school, and who reviews them and who
 * is their line manager (null when nobody is named).
 */
public record MyProfile(StaffMember me, String schoolName, String reviewerName, String lineManagerName) {
}

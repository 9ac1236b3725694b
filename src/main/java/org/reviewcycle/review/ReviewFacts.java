package org.reviewcycle.review;

import org.reviewcycle.school.ReviewCycle;
import org.reviewcycle.school.School;
import org.reviewcycle.staff.StaffMember;

/** A review with the people, school and cycle it belongs to. */
public record ReviewFacts(Review review, ReviewCycle cycle, School school, StaffMember reviewee, StaffMember reviewer) {
}

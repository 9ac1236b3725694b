package org.reviewcycle.reporting;

/** A member of staff in one of their school's teams. */
public record TeamMembership(Long staffId, String teamName) {
}

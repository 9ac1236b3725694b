package org.reviewcycle.staff;

/** A group as the engine sees it: roles (staff, heads, team-leaders, admins), a school's staff, a team. */
record DirectoryGroup(String id, String name, String type) {
}

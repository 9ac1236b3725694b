package org.reviewcycle.staff;

/** A user as the engine sees it. */
record DirectoryUser(String id, String firstName, String lastName, String email) {
}

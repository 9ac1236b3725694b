package org.reviewcycle.staff;

/** What a login needs to know of a member of staff. Never leaves the staff and security code. */
public record StaffLogin(String username, String passwordHash, boolean active) {
}

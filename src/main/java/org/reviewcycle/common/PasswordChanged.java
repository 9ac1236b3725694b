package org.reviewcycle.common;

/**
 * Published when someone changes their own password (a member of staff, a governor), within the change's
 * transaction: the login's other sessions end, the one it was changed in goes on (security.SessionLogins).
 */
public record PasswordChanged(String username) {
}

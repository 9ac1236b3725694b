/**
 * Forgotten passwords: a member of staff asks on the login page for a link to choose a new password, which is
 * emailed to the address ReviewCycle holds for them ({@link org.reviewcycle.passwordreset.PasswordResets}); the
 * pages are open to anyone not logged in, and say nothing about who has an account.
 */
package org.reviewcycle.passwordreset;

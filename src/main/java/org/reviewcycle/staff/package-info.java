/**
 * Staff, teams and reviewers (line managers), and the read-only identity provider that shows the
 * staff tables to Camunda as its users and groups. {@link org.reviewcycle.staff.StaffService} is
 * the entry point; the group rules live in one place, {@code StaffMapper.xml}'s
 * {@code groupMembership}, read by both the login and the engine.
 */
package org.reviewcycle.staff;

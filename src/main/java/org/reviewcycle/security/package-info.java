/**
 * One login for everything: Spring Security form login and HTTP basic, handed to Tasklist, Cockpit,
 * Admin and {@code /engine-rest} through Camunda's container-based authentication; the engine's
 * authorizations; and our own closures of the holes Camunda 7.24.0 community will not be patched for.
 */
package org.reviewcycle.security;

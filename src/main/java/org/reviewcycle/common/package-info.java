/**
 * What every feature shares: who the current actor is, for the audit columns; whether a failure
 * means the database cannot be reached ({@link org.reviewcycle.common.DatabaseUnreachable}).
 */
package org.reviewcycle.common;

/**
 * The history of administration: every change an admin makes to a school, its staff, teams,
 * priorities and cycles (who, when, before and after), written by the feature services in the same
 * transaction as the change, and read on the History page, searchable per person.
 */
package org.reviewcycle.history;

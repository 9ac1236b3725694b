/**
 * A school leaves the trust: the trust admin downloads everything the school holds (a zip of CSV
 * files, one per table, and each review's written record as JSON), then deletes the school: every
 * row of it in our tables, and the engine's data of its reviews (running processes, their history,
 * its tenant's deployments). Only trust admins may do either.
 */
package org.reviewcycle.departure;

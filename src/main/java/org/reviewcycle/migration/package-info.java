/**
 * Moving a school's running reviews onto another version of its cycle (issue 13): the preview of
 * each review (where it is, where it will be, why it cannot move), the move as Camunda batches, its
 * progress and result, and the record of who moved what (V14, and the school's history). The entry
 * point is {@link org.reviewcycle.migration.ReviewMigrations}; the pages are MigrationPages.
 */
package org.reviewcycle.migration;

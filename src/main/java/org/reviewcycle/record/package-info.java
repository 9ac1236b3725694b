/**
 * The record people read: who may read which review ({@link org.reviewcycle.record.RecordAccess}, the one
 * place that says so), a person's past reviews as a read-only page, and the trust's setting that lets the
 * head of the school a member of staff moved to read the reviews they had at their earlier schools.
 * {@link org.reviewcycle.record.RecordService} is the entry point.
 */
package org.reviewcycle.record;

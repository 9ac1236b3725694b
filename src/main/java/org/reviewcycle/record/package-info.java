/**
 * The record people read: who may read which review ({@link org.reviewcycle.record.RecordAccess}, the one
 * place that says so, and who of them sees the pay recommendation); a person's past reviews; one review's
 * whole record as a page ({@link org.reviewcycle.record.ReviewRecord}, read from the review's tables) and as
 * the written report, a tagged PDF ({@link org.reviewcycle.record.WrittenReport}); the access log of every
 * read of someone else's record, which the reviewee sees; the reviewee's subject access export; a cycle's
 * reports as one zip built in the background ({@link org.reviewcycle.record.CycleReports}); the school's pay
 * readers; and the trust's setting that lets the head of the school a member of staff moved to read the
 * reviews they had at their earlier schools. {@link org.reviewcycle.record.RecordService} is the entry point.
 */
package org.reviewcycle.record;

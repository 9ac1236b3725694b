/**
 * The glue between the model {@code bpmn/AnnualReviewCycle.bpmn} and the features: task listeners
 * that fill a form's variables when a task is created and, when it completes, hand what was
 * submitted to the feature's service in the same transaction; the review plan decision; the
 * schedule behind due dates and timers; and the launch of a school's cycle. No business rule lives
 * here: the services decide what is valid.
 */
package org.reviewcycle.process;

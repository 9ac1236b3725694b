/**
 * The dry run of a school's cycle model before it is published: the model (the school's current
 * one, or a changed BPMN, ReviewPlan decision or forms) runs once per staff category of the school,
 * with a real sample member of staff, their reviewer and head, generated form answers and every
 * timer passed at once; the report lists each path's steps, who gets them and when they are due,
 * and the problems that stop the model from being published. It runs on the real engine inside a
 * transaction that is always rolled back (DryRunService explains why), so nothing of it remains.
 */
package org.reviewcycle.dryrun;

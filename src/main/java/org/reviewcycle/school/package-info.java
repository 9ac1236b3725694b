/**
 * Schools, their School Improvement Plan priorities (each serving a trust priority, if any), the
 * trust's priorities, and their annual review cycles (academic year and milestone dates).
 * {@link org.reviewcycle.school.SchoolService} is the entry point; the Schools and Priorities pages
 * are SchoolPages and PriorityPages.
 */
package org.reviewcycle.school;

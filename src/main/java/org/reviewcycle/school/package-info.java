/**
 * Schools, their School Improvement Plan priorities, and their annual review cycles (academic year
 * and milestone dates). {@link org.reviewcycle.school.SchoolService} is the entry point.
 */
package org.reviewcycle.school;

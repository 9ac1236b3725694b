/**
 * Dashboards for heads, governors and the trust (issue 14): how far the year's appraisal has come, where
 * reviews stall, what the objectives serve and achieve, and a checklist of the process, each chart with its
 * table and a CSV download. Governors are people of their own here (not staff): they log in to read their
 * school's dashboard in aggregate, with every group of fewer than five people suppressed.
 * {@link org.reviewcycle.reporting.DashboardService} and {@link org.reviewcycle.reporting.GovernorService}
 * are the entry points.
 */
package org.reviewcycle.reporting;

/**
 * A school's review cycles as its admins run them: planning a cycle and its dates per staff group,
 * the launch in the background (CycleLaunches: recorded, resumable after a restart, stoppable, with
 * its report), closing a cycle (CycleService), and where each review stands with "Start it now".
 * Pages and the launch API only; the engine work is in {@code process} (CycleLauncher starts the
 * processes, ReviewEnding ends them, ReviewProgress reads where they stand), which holds no pages.
 */
package org.reviewcycle.cycles;

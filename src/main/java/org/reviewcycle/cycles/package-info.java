/**
 * The admins' cycle pages: launching a school's cycle (page and API) and where each review of a
 * cycle stands, with "Start it now". A web layer only: the launch and the engine work are in
 * {@code process} (CycleLauncher, ReviewProgress), which holds no pages.
 */
package org.reviewcycle.cycles;

/**
 * What every page of ours shares: the layout's model (who is logged in, which schools they
 * administer, the school a page is about), refusals and errors as pages or JSON with one sentence,
 * the front door of the admin area, and the 503 "try again" answer on every path while the database
 * cannot be reached.
 */
package org.reviewcycle.system;

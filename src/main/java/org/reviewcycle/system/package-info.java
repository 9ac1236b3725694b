/**
 * What every page of ours shares: the layout's model (who is logged in, which schools they
 * administer, the school a page is about), refusals and errors as pages or JSON with one sentence,
 * and the front door of the admin area.
 */
package org.reviewcycle.system;

/**
 * Changing a school's cycle in the browser: the list of the versions of its cycle (who published
 * each, when, and why), what each changed against the one before (the diff page), publishing an
 * earlier one again, and the BPMN, DMN and form editors (src/main/frontend) whose Save publishes a
 * new version for the school's tenant through {@link org.reviewcycle.cycledesign.CycleDesignService#publish}.
 * The trust's default cycle ({@link org.reviewcycle.cycledesign.TrustCycleService}) is edited in the
 * same editors and reaches a school only when the school adopts it.
 */
package org.reviewcycle.cycledesign;

/**
 * Changing a school's cycle in the browser: the list of the versions of its cycle (who published
 * each, when, and why), and the BPMN, DMN and form editors (src/main/frontend) whose Save publishes
 * a new version for the school's tenant through {@link org.reviewcycle.cycledesign.CycleDesignService#publish}.
 */
package org.reviewcycle.cycledesign;

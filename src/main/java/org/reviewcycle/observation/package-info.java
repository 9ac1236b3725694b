/**
 * Lesson observations linked to the reviewee's objectives: date, objectives in focus, a judgement
 * on the Ofsted scale, strengths, areas to develop, and CPD needs that came to light.
 * {@link org.reviewcycle.observation.ObservationService} is the entry point.
 */
package org.reviewcycle.observation;

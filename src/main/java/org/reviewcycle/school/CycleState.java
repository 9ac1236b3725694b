package org.reviewcycle.school;

/** Where a school's review cycle for one academic year stands. */
public enum CycleState {
    /** Dates set, reviews not yet started. */
    PLANNED,
    /** Reviews launched; staff are working through them. */
    OPEN,
    /** Every review signed off; the record is kept. */
    CLOSED
}

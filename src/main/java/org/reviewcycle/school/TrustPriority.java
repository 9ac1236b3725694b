package org.reviewcycle.school;

import java.time.LocalDate;

/**
 * A priority of the trust as a whole ("T1: writing across the trust"), which schools' improvement
 * priorities may serve. A retired one ({@code retiredOn} set) is kept for the priorities that name it.
 */
public record TrustPriority(Long id, String code, String title, String description, LocalDate retiredOn) {

    public boolean retired() {
        return retiredOn != null;
    }
}

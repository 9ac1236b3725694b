package org.reviewcycle.reporting;

/**
 * One improvement priority of a school in a cycle: the objectives serving it (latest rounds), the people
 * they belong to, objectives with CPD or support planned, people whose final review records CPD undertaken,
 * and the outcomes of its objectives at the final review.
 */
public record PriorityFigures(Long priorityId, String code, String title, int objectives, int people, int cpdPlanned,
        int peopleWithCpdUndertaken, int met, int partlyMet, int notMet) {
}

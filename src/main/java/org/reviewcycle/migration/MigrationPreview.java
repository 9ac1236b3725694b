package org.reviewcycle.migration;

import java.util.List;

/**
 * What moving the chosen running reviews onto {@code targetVersion} would do, review by review: the
 * person, the steps their review is at now, where it will be on the target, or why it cannot move.
 * Worked out afresh from the engine each time (ReviewMigrations.preview), also just before a move.
 */
public record MigrationPreview(int targetVersion, String chosenStep, List<Row> rows) {

    /** One review: its steps now ("Hold the planning meeting"), on the target, and why not (null: it can move). */
    public record Row(long reviewId, String person, int sourceVersion, String now, String then, String whyNot) {

        public boolean movable() {
            return whyNot == null;
        }
    }

    public List<Row> movable() {
        return rows.stream().filter(Row::movable).toList();
    }

    public List<Row> notMovable() {
        return rows.stream().filter(row -> !row.movable()).toList();
    }
}

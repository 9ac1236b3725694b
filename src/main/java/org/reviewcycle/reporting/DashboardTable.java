package org.reviewcycle.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One table of a dashboard, with the chart drawn from it and its CSV download: the same rows, so that the
 * chart, the table beside it and the spreadsheet always agree. Each row is a group of people (a team, a
 * category, a step, a priority, a school) with how many people it counts; {@link #forGovernors()} blanks
 * every group of fewer than {@value #SMALLEST_GROUP}, so that nobody can be identified.
 */
public record DashboardTable(String id, String title, String lead, String groupHeading, List<Column> columns,
        Chart chart, List<Row> rows) {

    /** Governors see no group of fewer people than this. */
    public static final int SMALLEST_GROUP = 5;
    public static final String SUPPRESSED = "fewer than " + SMALLEST_GROUP;

    /** A column of figures: a count, days, or a percentage; {@code charted} ones are the chart's datasets. */
    public record Column(String name, Kind kind, boolean charted) {
    }

    public enum Kind {
        COUNT, DAYS, PERCENT, TEXT
    }

    /** How the chart shows the charted columns: bars side by side, or stacked into one bar per group. */
    public enum Chart {
        BARS, STACKED_BARS, NONE
    }

    /**
     * One group: its label, how many people it counts, a value per column (a Number, or text for TEXT
     * columns), and the page it links to (a review's record), if any. {@code suppressed}: blanked for governors.
     */
    public record Row(String label, int people, List<Object> values, String link, boolean suppressed) {

        public Row(String label, int people, List<Object> values) {
            this(label, people, values, null, false);
        }

        public Row(String label, int people, List<Object> values, String link) {
            this(label, people, values, link, false);
        }
    }

    static Column count(String name) {
        return new Column(name, Kind.COUNT, true);
    }

    static Column days(String name) {
        return new Column(name, Kind.DAYS, true);
    }

    static Column percent(String name) {
        return new Column(name, Kind.PERCENT, true);
    }

    static Column text(String name) {
        return new Column(name, Kind.TEXT, false);
    }

    static Column notCharted(Column column) {
        return new Column(column.name(), column.kind(), false);
    }

    /** The same table for a governor: groups of fewer than five people blanked, no links to records. */
    public DashboardTable forGovernors() {
        List<Row> suppressed = rows.stream()
                .map(row -> row.people() < SMALLEST_GROUP
                        ? new Row(row.label(), row.people(), row.values().stream().map(v -> (Object) null).toList(), null, true)
                        : new Row(row.label(), row.people(), row.values(), null, false))
                .toList();
        return new DashboardTable(id, title, lead, groupHeading, columns, chart, suppressed);
    }

    /** The table as the page's script draws it (templates/reporting/*.html, frontend src/dashboard.js). */
    public Map<String, Object> chartData() {
        var datasets = new ArrayList<Map<String, Object>>();
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).charted()) {
                int column = c;
                datasets.add(Map.of("label", columns.get(c).name(),
                        "data", rows.stream().map(row -> row.values().get(column)).map(v -> v == null ? "" : v).toList()));
            }
        }
        return Map.of("id", id, "title", title, "chart", chart.name(), "percent",
                columns.stream().anyMatch(c -> c.charted() && c.kind() == Kind.PERCENT),
                "labels", rows.stream().map(row -> row.suppressed() ? row.label() + " (" + SUPPRESSED + ")" : row.label()).toList(),
                "datasets", datasets);
    }

    /** What a cell shows: a blank group says why; figures rounded as people read them. */
    public String cell(Row row, int column) {
        if (row.suppressed()) {
            return SUPPRESSED;
        }
        Object value = row.values().get(column);
        if (value == null) {
            return "";
        }
        return switch (columns.get(column).kind()) {
            case COUNT -> String.valueOf(((Number) value).longValue());
            case DAYS -> String.format("%.1f", ((Number) value).doubleValue());
            case PERCENT -> String.format("%.0f%%", ((Number) value).doubleValue());
            case TEXT -> value.toString();
        };
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }
}

package org.reviewcycle.staff;

import java.util.Map;

/** One person's row of a staff file, by our fields (a missing field: not in the file). */
public record ImportRow(long line, Map<ImportField, String> values) {

    /** The stripped value, or "" when blank or not in the file. */
    String get(ImportField field) {
        String value = values.get(field);
        return value == null ? "" : value.strip();
    }

    boolean has(ImportField field) {
        return values.containsKey(field);
    }
}

package org.reviewcycle.staff;

import java.util.List;
import java.util.Map;

/**
 * An uploaded staff file as the mapping step shows it: its name, how it was read, its column
 * headings, the first rows, how many rows it has, and the mapping offered (field to heading: the
 * mapping last used for this file, else the school's saved one, else a guess from the headings).
 */
public record UploadedFile(long id, String fileName, String encoding, String separator, List<String> headings,
        List<Map<String, String>> firstRows, int rowCount, Map<ImportField, String> mapping) {
}

package org.reviewcycle.staff;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * A staff file as a school's MIS exports it, read with Apache Commons CSV: UTF-8 with or without a
 * byte order mark, or Windows-1252 (what Excel on Windows saves) when the bytes are not UTF-8; comma
 * or semicolon separated (whichever the heading line has more of: Excel in many European locales
 * writes semicolons); quoted fields may hold line breaks. The first line holds the column headings.
 * Each row keeps the line it starts on, so that a bad row can be named.
 */
record StaffFile(List<String> headings, List<Row> rows, String encoding, char separator) {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** One row: the line of the file it starts on, and its values by column heading. */
    record Row(long line, Map<String, String> values) {
    }

    /**
     * Reads {@code content}, refusing, with a sentence a person can act on, a file that has no
     * headings, repeats a heading, or has more than {@code maxRows} rows (counted as they are read:
     * the rest is never parsed).
     */
    static StaffFile read(byte[] content, int maxRows) {
        int start = startsWithBom(content) ? UTF8_BOM.length : 0;
        Charset charset = start > 0 || isUtf8(content) ? StandardCharsets.UTF_8 : WINDOWS_1252;
        char separator = separatorOf(content, start, charset);
        var format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).setIgnoreSurroundingSpaces(true).setAllowMissingColumnNames(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL).get();
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(content, start, content.length - start),
                charset); CSVParser parser = format.parse(reader)) {
            List<String> headings = parser.getHeaderNames().stream().filter(h -> !h.isBlank()).toList();
            if (headings.isEmpty()) {
                throw new IllegalArgumentException("The file is empty: its first line should hold the column headings.");
            }
            if (headings.stream().distinct().count() < headings.size()) {
                throw new IllegalArgumentException("Two columns of the file have the same heading; "
                        + "give each column its own heading and upload it again.");
            }
            var rows = new ArrayList<Row>();
            long nextLine = 2;
            for (CSVRecord record : parser) {
                if (rows.size() == maxRows) {
                    throw new IllegalArgumentException(String.format(
                            "The file has more than %,d rows, the most one import takes. Split it by school.", maxRows));
                }
                var values = new LinkedHashMap<String, String>();
                for (String heading : headings) {
                    values.put(heading, record.isSet(heading) ? record.get(heading) : "");
                }
                if (values.values().stream().anyMatch(v -> !v.isBlank())) {
                    rows.add(new Row(nextLine, values));
                }
                nextLine = parser.getCurrentLineNumber() + 1;
            }
            return new StaffFile(headings, rows, charset == WINDOWS_1252 ? "Windows-1252" : "UTF-8", separator);
        } catch (UncheckedIOException | IOException e) {
            throw new IllegalArgumentException("The file could not be read as CSV (" + e.getMessage()
                    + "). Save it from the spreadsheet as \"CSV\" and upload it again.");
        }
    }

    private static boolean startsWithBom(byte[] content) {
        return content.length >= 3 && content[0] == UTF8_BOM[0] && content[1] == UTF8_BOM[1]
                && content[2] == UTF8_BOM[2];
    }

    private static boolean isUtf8(byte[] content) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The separator of the heading line: a semicolon if it has more of them than commas. */
    private static char separatorOf(byte[] content, int start, Charset charset) {
        int end = start;
        while (end < content.length && content[end] != '\n' && content[end] != '\r') {
            end++;
        }
        String heading = new String(content, start, end - start, charset);
        long semicolons = heading.chars().filter(c -> c == ';').count();
        long commas = heading.chars().filter(c -> c == ',').count();
        return semicolons > commas ? ';' : ',';
    }
}

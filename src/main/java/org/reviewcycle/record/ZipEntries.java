package org.reviewcycle.record;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;


/**
 * Writes one entry after another into a zip that streams to its destination (a response, a file), so a
 * zip of many reports holds one report in memory at a time. A writer may close what it was given (PDFBox
 * does): the zip itself stays open.
 */
final class ZipEntries implements AutoCloseable {

    private final ZipOutputStream zip;
    private final OutputStream entry;

    ZipEntries(OutputStream out) {
        this.zip = new ZipOutputStream(out);
        this.entry = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                zip.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                zip.write(b, off, len);
            }

            @Override
            public void close() {
                // the entry ends when the next begins; the zip stays open
            }
        };
    }

    void add(String name, Consumer<OutputStream> writer) {
        try {
            zip.putNextEntry(new ZipEntry(name));
            writer.accept(entry);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void addReport(String folder, WrittenReport reports, ReviewRecord record) {
        add(folder + WrittenReport.fileName(record), out -> reports.render(record, out));
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

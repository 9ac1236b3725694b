package org.reviewcycle.benchmark;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.util.Map;

import org.reviewcycle.school.School;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.ImportField;
import org.reviewcycle.staff.ImportPreview;
import org.reviewcycle.staff.StaffService;

/**
 * The MIS import at trust scale ({@code -Dbench.parts=import}): a SIMS-shaped file of
 * {@value #ROWS} staff (UTF-8 with a byte order mark, dd/MM/yyyy dates, every teacher reviewed by a
 * team leader in the same file, leaders by the head) uploaded, previewed and imported into an
 * empty school through {@link StaffService}, as the import pages call it; then the same file with
 * one person in ten changed, previewed and imported again. The target: each step under 10 s.
 */
final class ImportBenchmark {

    static final int ROWS = 10_000;
    private static final double TARGET_SECONDS = 10;

    private ImportBenchmark() {
    }

    record Figures(String database, double firstPreview, double firstImport, double secondPreview,
            double secondImport, int changed, long fileBytes) {
    }

    static Figures run(BenchmarkDatabase database) {
        try (var app = new BenchmarkApplication(database)) {
            StaffService staff = app.bean(StaffService.class);
            School school = app.bean(SchoolService.class).createSchool("bench-import", "Import Benchmark Academy");
            byte[] first = file(0);
            long start = System.nanoTime();
            long upload = staff.uploadStaffFile(school.id(), "sims.csv", first);
            Map<ImportField, String> mapping = staff.uploadedFile(school.id(), upload).mapping();
            ImportPreview preview = staff.previewImport(school.id(), upload, mapping, false);
            double firstPreview = seconds(start);
            require(preview.created().size() == ROWS, "the first preview creates every row: " + preview.problems());
            start = System.nanoTime();
            staff.importFile(school.id(), school.name(), upload, false);
            double firstImport = seconds(start);
            System.out.printf("import of %,d new staff: preview %.1f s, import %.1f s%n", ROWS, firstPreview, firstImport);

            byte[] second = file(10);
            start = System.nanoTime();
            upload = staff.uploadStaffFile(school.id(), "sims.csv", second);
            preview = staff.previewImport(school.id(), upload, mapping, false);
            double secondPreview = seconds(start);
            require(preview.changed().size() == (ROWS - 1) / 10, "one in ten but the head changes: " + preview.changed().size());
            start = System.nanoTime();
            staff.importFile(school.id(), school.name(), upload, false);
            double secondImport = seconds(start);
            require(staff.staffOf(school.id()).size() == ROWS, "every row is one person");
            return new Figures(database.name(), firstPreview, firstImport, secondPreview, secondImport,
                    preview.changed().size(), first.length);
        }
    }

    /** The README's table row for these figures. */
    static String rows(Figures f) {
        return String.format("| MIS import, %,d staff (%.1f MB CSV), %s: upload and preview / import | %.1f s / %.1f s "
                + "|  |  | each < %.0f s: %s |  |  |%n", ROWS, f.fileBytes() / 1048576.0, f.database(), f.firstPreview(),
                f.firstImport(), TARGET_SECONDS, met(f.firstPreview(), f.firstImport()))
                + String.format("| MIS import again, %,d of %,d changed, %s: upload and preview / import | %.1f s / %.1f s "
                + "|  |  | each < %.0f s: %s |  |  |%n", f.changed(), ROWS, f.database(), f.secondPreview(),
                f.secondImport(), TARGET_SECONDS, met(f.secondPreview(), f.secondImport()));
    }

    static void write(String rows) {
        try {
            Path out = Path.of("target", "bench");
            Files.createDirectories(out);
            Files.writeString(out.resolve("import.md"), rows);
            System.out.println("Written: " + out.resolve("import.md"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A SIMS-shaped file; every {@code changeEvery}-th person (0: nobody) has a new job title. */
    private static byte[] file(int changeEvery) {
        var csv = new StringBuilder("\uFEFFStaff Code,Legal Forename,Legal Surname,Email Address,Role,"
                + "Reviewer Staff Code,Start Date\r\n");
        csv.append("S00000,Hana,Head,head@bench.example.org,Headteacher,,01/09/2010\r\n");
        for (int i = 1; i < ROWS; i++) {
            boolean leader = i % 20 == 1;
            String reviewer = leader ? "S00000" : String.format("S%05d", i - (i - 1) % 20);
            String role = leader ? "Phase Leader (Teacher with a TLR)" : i % 3 == 0 ? "Teaching Assistant"
                    : "Class Teacher (MPS)";
            if (changeEvery > 0 && i % changeEvery == 0) {
                role = role + ", Year " + (i % 6 + 1);
            }
            csv.append(String.format("S%05d,First%d,Last%d,staff%d@bench.example.org,%s,%s,%02d/09/20%02d\r\n", i, i, i,
                    i, role.contains(",") ? "\"" + role + "\"" : role, reviewer, i % 28 + 1, 10 + i % 15));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String met(double preview, double imported) {
        return preview < TARGET_SECONDS && imported < TARGET_SECONDS ? "met" : "**missed**";
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("Import benchmark: expected " + what);
        }
    }
}

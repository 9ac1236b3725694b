package org.reviewcycle.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a node uses while the load runs, read every few seconds from outside it: its heap after use (the JDK's
 * {@code jstat}), its threads ({@code /proc/<pid>/status}) and its connections to the database (the server's
 * process list). Written to a CSV and drawn as a picture (XChart) when the run ends.
 */
final class NodeGauges implements AutoCloseable {

    /** One reading: seconds since the start, heap used and committed (MB), threads, database connections. */
    record Reading(double seconds, double heapUsedMb, double heapCommittedMb, int threads, int connections) {
    }

    private final long pid;
    private final JdbcTemplate jdbc;
    private final String databaseUser;
    private final List<Reading> readings = Collections.synchronizedList(new ArrayList<>());
    private final ScheduledExecutorService every = Executors.newSingleThreadScheduledExecutor();
    private final long started = System.nanoTime();

    NodeGauges(long pid, JdbcTemplate jdbc, String databaseUser, int everySeconds) {
        this.pid = pid;
        this.jdbc = jdbc;
        this.databaseUser = databaseUser;
        every.scheduleAtFixedRate(this::read, 0, everySeconds, TimeUnit.SECONDS);
    }

    private void read() {
        try {
            double[] heap = heapMb();
            // the gauge's own connection is not the node's
            int connections = jdbc.queryForObject("select count(*) from information_schema.processlist where user = ?",
                    Integer.class, databaseUser) - 1;
            readings.add(new Reading((System.nanoTime() - started) / 1e9, heap[0], heap[1], threads(), connections));
        } catch (RuntimeException | IOException e) {
            System.err.println("Gauges could not read the node: " + e);
        }
    }

    /** Heap used and committed in MB, from {@code jstat -gc}: the survivor, eden and old spaces. */
    private double[] heapMb() throws IOException {
        Path jstat = Path.of(System.getProperty("java.home"), "bin", "jstat");
        Process process = new ProcessBuilder(jstat.toString(), "-gc", Long.toString(pid)).redirectErrorStream(true).start();
        List<String> lines;
        try (var output = process.getInputStream()) {
            lines = new String(output.readAllBytes()).lines().toList();
        }
        if (lines.size() < 2) {
            throw new IOException("jstat said: " + lines);
        }
        List<String> names = List.of(lines.get(0).trim().split("\\s+"));
        String[] values = lines.get(1).trim().split("\\s+");
        double used = 0;
        double committed = 0;
        for (String space : List.of("S0", "S1", "E", "O")) {
            used += Double.parseDouble(values[names.indexOf(space + "U")]);
            committed += Double.parseDouble(values[names.indexOf(space + "C")]);
        }
        return new double[] {used / 1024, committed / 1024};
    }

    private int threads() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("Threads:")) {
                return Integer.parseInt(line.substring("Threads:".length()).trim());
            }
        }
        return -1;
    }

    List<Reading> readings() {
        synchronized (readings) {
            return List.copyOf(readings);
        }
    }

    @Override
    public void close() {
        every.shutdownNow();
    }

    /** The readings as CSV, and as a picture of heap, threads and connections over the run. */
    void write(Path csv, Path png, String title) {
        List<Reading> all = readings();
        var text = new StringBuilder("seconds,heap_used_mb,heap_committed_mb,threads,db_connections\n");
        all.forEach(r -> text.append(String.format(java.util.Locale.ROOT, "%.0f,%.1f,%.1f,%d,%d%n", r.seconds(),
                r.heapUsedMb(), r.heapCommittedMb(), r.threads(), r.connections())));
        XYChart chart = new XYChartBuilder().width(1000).height(480).title(title).xAxisTitle("Minutes into the run")
                .yAxisTitle("MB / threads / connections").build();
        List<Double> minutes = all.stream().map(r -> r.seconds() / 60).toList();
        if (!all.isEmpty()) {
            chart.addSeries("Heap used (MB)", minutes, all.stream().map(Reading::heapUsedMb).toList());
            chart.addSeries("Heap committed (MB)", minutes, all.stream().map(Reading::heapCommittedMb).toList());
            chart.addSeries("Threads", minutes, all.stream().map(r -> (double) r.threads()).toList());
            chart.addSeries("Database connections", minutes, all.stream().map(r -> (double) r.connections()).toList());
        }
        chart.getStyler().setMarkerSize(0);
        try {
            Files.createDirectories(csv.getParent());
            Files.writeString(csv, text);
            BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.reviewcycle.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The figures of a Gatling run, from its report's {@code js/stats.js}: requests, failures, throughput and
 * response times of all requests together (the first figures the file gives; those per request follow).
 */
record GatlingStats(int requests, int failed, double perSecond, int mean, int p50, int p95, int p99, int max) {

    /** The newest run's figures under {@code results}. */
    static GatlingStats latest(Path results) {
        try (Stream<Path> runs = Files.list(results)) {
            Path run = runs.filter(Files::isDirectory).max(java.util.Comparator.comparing(p -> p.toFile().lastModified()))
                    .orElseThrow(() -> new IllegalStateException("No Gatling report in " + results));
            String stats = Files.readString(run.resolve("js/stats.js"));
            return new GatlingStats((int) figure(stats, "numberOfRequests"), (int) figure(stats, "numberOfRequests", "ko"),
                    figure(stats, "meanNumberOfRequestsPerSecond"), (int) figure(stats, "meanResponseTime"),
                    (int) figure(stats, "percentiles1"), (int) figure(stats, "percentiles3"),
                    (int) figure(stats, "percentiles4"), (int) figure(stats, "maxResponseTime"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double figure(String stats, String name) {
        return figure(stats, name, "total");
    }

    /** The first {@code "name": { ... "part": "figure" ...}} of the file: "-" (none) is 0. */
    private static double figure(String stats, String name, String part) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\\s*\\{[^}]*?\"" + part + "\":\\s*\"([^\"]*)\"").matcher(stats);
        if (!matcher.find()) {
            throw new IllegalStateException("Gatling's stats.js has no " + name + "." + part);
        }
        String value = matcher.group(1);
        return value.equals("-") ? 0 : Double.parseDouble(value);
    }

    String inWords() {
        return String.format(java.util.Locale.ROOT, "%d requests, %d failed, %.1f a second; response times mean %d ms, "
                + "p50 %d ms, p95 %d ms, p99 %d ms, longest %d ms", requests, failed, perSecond, mean, p50, p95, p99, max);
    }
}

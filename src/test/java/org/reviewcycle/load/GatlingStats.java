package org.reviewcycle.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The figures of a Gatling run, from its report's {@code js/stats.json}: requests, failures, throughput, times. */
record GatlingStats(int requests, int failed, double perSecond, int mean, int p50, int p95, int p99, int max) {

    /** The newest run's figures under {@code results}. */
    static GatlingStats latest(Path results) {
        try (Stream<Path> runs = Files.list(results)) {
            Path run = runs.filter(Files::isDirectory).max(LoadIT.newestFirst().reversed())
                    .orElseThrow(() -> new IllegalStateException("No Gatling report in " + results));
            JsonNode stats = new ObjectMapper().readTree(run.resolve("js/stats.json").toFile()).get("stats");
            return new GatlingStats(stats.at("/numberOfRequests/total").asInt(), stats.at("/numberOfRequests/ko").asInt(),
                    stats.at("/meanNumberOfRequestsPerSecond/total").asDouble(), stats.at("/meanResponseTime/total").asInt(),
                    stats.at("/percentiles1/total").asInt(), stats.at("/percentiles3/total").asInt(),
                    stats.at("/percentiles4/total").asInt(), stats.at("/maxResponseTime/total").asInt());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String inWords() {
        return String.format(java.util.Locale.ROOT, "%d requests, %d failed, %.1f a second; response times mean %d ms, "
                + "p50 %d ms, p95 %d ms, p99 %d ms, longest %d ms", requests, failed, perSecond, mean, p50, p95, p99, max);
    }
}

package org.reviewcycle.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.reviewcycle.support.LocalProcesses;

/**
 * ReviewCycle as people run it ({@code java -jar target/reviewcycle-*.jar}), in a JVM of its own
 * started on a benchmark database that already holds a trust: a server restarted overnight, whose
 * first login finds nothing of the application's code run yet. Its output goes to
 * {@code target/bench/server.log}.
 */
final class ServerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Path LOG = Path.of("target", "bench", "server.log");

    private final Process process;
    private final int port;
    private final long startedMillis;

    ServerProcess(BenchmarkDatabase database) {
        this.port = LocalProcesses.freePort();
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                applicationJar().toString()));
        var properties = new LinkedHashMap<String, Object>(database.connection());
        properties.put("server.port", port);
        properties.put("reviewcycle.demo.enabled", "false");
        // -Dbench.warm-up=false: as before org.reviewcycle.tasklist.FirstLoginWarmUp, for comparison
        properties.put("reviewcycle.warm-up.first-login", warmsUp());
        // -Dbench.warm-up-rounds=1: the warm-up done once, as before it was done ten times over, for comparison
        String rounds = System.getProperty("bench.warm-up-rounds");
        if (rounds != null) {
            properties.put("reviewcycle.warm-up.first-login-rounds", rounds);
        }
        if (!database.profile().equals("default")) {
            properties.put("spring.profiles.active", database.profile());
        }
        for (Map.Entry<String, Object> property : properties.entrySet()) {
            command.add("--" + property.getKey() + "=" + property.getValue());
        }
        long start = System.nanoTime();
        try {
            Files.createDirectories(LOG.getParent());
            this.process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(LOG.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start " + command, e);
        }
        try {
            LocalProcesses.awaitLoginPage(process, "http://localhost:" + port, START_TIMEOUT, "The server", LOG);
        } catch (IllegalStateException e) {
            close();
            throw e;
        }
        this.startedMillis = (System.nanoTime() - start) / 1_000_000;
    }

    /** Whether the server does its warm-up for the first login: {@code -Dbench.warm-up}, on by default. */
    boolean warmsUp() {
        return !"false".equals(System.getProperty("bench.warm-up"));
    }

    int port() {
        return port;
    }

    long startedMillis() {
        return startedMillis;
    }

    /**
     * Waits until the server's log has a line containing one of the texts; returns that line, or
     * empty after the timeout.
     */
    Optional<String> awaitLogLine(Duration timeout, String... texts) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (Stream<String> lines = Files.lines(LOG)) {
                var found = lines.filter(line -> Stream.of(texts).anyMatch(line::contains)).findFirst();
                if (found.isPresent()) {
                    return found;
                }
            } catch (IOException | UncheckedIOException notYet) {
                // being written
            }
            LocalProcesses.sleep(200);
        }
        return Optional.empty();
    }

    private static Path applicationJar() {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("reviewcycle-.*\\.jar"))
                    .filter(f -> !f.getFileName().toString().matches(".*-(plain|sources|javadoc)\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No target/reviewcycle-*.jar: run ./mvnw -Pbenchmark verify"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.reviewcycle.load;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One load run's settings, from system properties (README "Load and soak"): {@code load.users} concurrent
 * people for {@code load.duration} seconds against a trust school of {@code load.staff} staff, the node's heap
 * {@code load.heap} and connection pool {@code load.pool}; each person visits their task list {@code load.rounds}
 * times in one login. The short form that {@code ./mvnw verify} runs is the
 * default; {@code -Pload} and {@code -Pload,soak} set the full runs.
 */
record LoadSettings(String baseUrl, int users, Duration duration, int staff, String heap, int pool, Path directory,
        String name, int rounds) {

    static LoadSettings fromSystemProperties() {
        return new LoadSettings(System.getProperty("load.baseUrl", "http://127.0.0.1:8080"),
                Integer.getInteger("load.users", 10), Duration.ofSeconds(Long.getLong("load.duration", 60)),
                Integer.getInteger("load.staff", 300), System.getProperty("load.heap", "512m"),
                Integer.getInteger("load.pool", 10), Path.of(System.getProperty("load.dir", "target/load")),
                System.getProperty("load.name", "short"), Integer.getInteger("load.rounds", 1));
    }
}

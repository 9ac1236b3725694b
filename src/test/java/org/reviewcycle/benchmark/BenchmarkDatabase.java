package org.reviewcycle.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A database the benchmark runs on, emptied before each run: MariaDB/MySQL on the {@code mysql}
 * profile (the production settings), or the default profile's H2 file database.
 */
enum BenchmarkDatabase {

    MARIADB("mysql") {
        @Override
        Map<String, Object> prepareEmpty() {
            String url = System.getProperty("bench.mysql.url",
                    "jdbc:mysql://127.0.0.1:3306/reviewcycle_bench?sendFractionalSeconds=false");
            var database = Pattern.compile("^(jdbc:mysql://[^/]+/)([^?]+)(.*)$").matcher(url);
            if (!database.matches()) {
                throw new IllegalArgumentException("bench.mysql.url must name a database: " + url);
            }
            String user = System.getProperty("bench.mysql.user", "root");
            String password = System.getProperty("bench.mysql.password", "");
            try (var server = DriverManager.getConnection(database.group(1) + database.group(3), user, password);
                    var sql = server.createStatement()) {
                sql.execute("drop database if exists `" + database.group(2) + "`");
                sql.execute("create database `" + database.group(2) + "` character set utf8mb4");
            } catch (SQLException e) {
                throw new IllegalStateException("No MariaDB/MySQL server for the benchmark at " + url
                        + " (set -Dbench.mysql.url, -Dbench.mysql.user, -Dbench.mysql.password)", e);
            }
            var properties = new LinkedHashMap<String, Object>();
            properties.put("spring.datasource.url", url);
            properties.put("spring.datasource.username", user);
            properties.put("spring.datasource.password", password);
            return properties;
        }
    },

    H2("default") {
        @Override
        Map<String, Object> prepareEmpty() {
            Path directory = Path.of("target", "bench", "h2");
            try {
                if (Files.exists(directory)) {
                    try (Stream<Path> files = Files.walk(directory)) {
                        files.sorted(Comparator.reverseOrder()).forEach(BenchmarkDatabase::delete);
                    }
                }
                Files.createDirectories(directory);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot empty " + directory, e);
            }
            // as the default profile has it, a file database, only somewhere else than ./data
            return Map.of("spring.datasource.url", "jdbc:h2:file:" + directory.toAbsolutePath().resolve("reviewcycle")
                    + ";DB_CLOSE_ON_EXIT=FALSE");
        }
    };

    private final String profile;

    BenchmarkDatabase(String profile) {
        this.profile = profile;
    }

    String profile() {
        return profile;
    }

    /** Empties the database; returns the properties that point the application at it. */
    abstract Map<String, Object> prepareEmpty();

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot delete " + path, e);
        }
    }
}

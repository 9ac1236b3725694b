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
            var database = Pattern.compile("^(jdbc:mysql://[^/]+/)([^?]+)(.*)$").matcher(url());
            if (!database.matches()) {
                throw new IllegalArgumentException("bench.mysql.url must name a database: " + url());
            }
            try (var server = DriverManager.getConnection(database.group(1) + database.group(3), user(), password());
                    var sql = server.createStatement()) {
                sql.execute("drop database if exists `" + database.group(2) + "`");
                sql.execute("create database `" + database.group(2) + "` character set utf8mb4");
                giveInnoDbItsMemory(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("No MariaDB/MySQL server for the benchmark at " + url()
                        + " (set -Dbench.mysql.url, -Dbench.mysql.user, -Dbench.mysql.password)", e);
            }
            return connection();
        }

        @Override
        Map<String, Object> connection() {
            var properties = new LinkedHashMap<String, Object>();
            properties.put("spring.datasource.url", url());
            properties.put("spring.datasource.username", user());
            properties.put("spring.datasource.password", password());
            return properties;
        }

        private static String url() {
            return System.getProperty("bench.mysql.url",
                    "jdbc:mysql://127.0.0.1:3306/reviewcycle_bench?sendFractionalSeconds=false");
        }

        private static String user() {
            return System.getProperty("bench.mysql.user", "root");
        }

        private static String password() {
            return System.getProperty("bench.mysql.password", "");
        }
    },

    H2("default") {
        private static final Path DIRECTORY = Path.of("target", "bench", "h2");

        @Override
        Map<String, Object> prepareEmpty() {
            try {
                if (Files.exists(DIRECTORY)) {
                    try (Stream<Path> files = Files.walk(DIRECTORY)) {
                        files.sorted(Comparator.reverseOrder()).forEach(BenchmarkDatabase::delete);
                    }
                }
                Files.createDirectories(DIRECTORY);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot empty " + DIRECTORY, e);
            }
            return connection();
        }

        @Override
        Map<String, Object> connection() {
            // as the default profile has it, a file database, only somewhere else than ./data
            return Map.of("spring.datasource.url", "jdbc:h2:file:" + DIRECTORY.toAbsolutePath().resolve("reviewcycle")
                    + ";DB_CLOSE_ON_EXIT=FALSE");
        }
    };

    /**
     * The InnoDB buffer pool the benchmark runs with at least: Debian's package leaves it at 128 MiB,
     * smaller than the engine's tables at 50,000 reviews, where a server of its own for the
     * application would give it a good part of the memory. Resized for the run if smaller (the server
     * keeps it until it restarts); the figures name the size.
     */
    static final long BUFFER_POOL_BYTES = 2L << 30;

    private static void giveInnoDbItsMemory(java.sql.Statement sql) throws SQLException {
        try (var rows = sql.executeQuery("select @@innodb_buffer_pool_size")) {
            rows.next();
            if (rows.getLong(1) >= BUFFER_POOL_BYTES) {
                return;
            }
        }
        sql.execute("set global innodb_buffer_pool_size = " + BUFFER_POOL_BYTES);
        for (int i = 0; i < 120; i++) { // the resize runs in the background
            try (var rows = sql.executeQuery("select @@innodb_buffer_pool_size")) {
                rows.next();
                if (rows.getLong(1) >= BUFFER_POOL_BYTES) {
                    return;
                }
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The server settings that bear on the figures, as the run found them. */
    static java.util.Map<String, String> serverSettings(javax.sql.DataSource dataSource) {
        var settings = new java.util.LinkedHashMap<String, String>();
        try (var connection = dataSource.getConnection(); var sql = connection.createStatement()) {
            if (!connection.getMetaData().getDatabaseProductName().equals("MySQL")) {
                return settings;
            }
            for (String variable : new String[] {"innodb_buffer_pool_size", "innodb_flush_log_at_trx_commit",
                    "innodb_log_file_size", "sync_binlog", "log_bin"}) {
                try (var rows = sql.executeQuery("select @@" + variable)) {
                    rows.next();
                    settings.put(variable, rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return settings;
    }

    private final String profile;

    BenchmarkDatabase(String profile) {
        this.profile = profile;
    }

    String profile() {
        return profile;
    }

    /** Empties the database; returns the properties that point the application at it. */
    /** Empties the database; returns the application's properties for it ({@link #connection()}). */
    abstract Map<String, Object> prepareEmpty();

    /** The application's properties for this database, as it is. */
    abstract Map<String, Object> connection();

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot delete " + path, e);
        }
    }
}

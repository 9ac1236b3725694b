package org.reviewcycle.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.reviewcycle.support.LocalProcesses;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A MariaDB server of the test's own, a child process on a free port with its data in a temporary
 * directory, so that it can be killed ({@code kill -9}, as a crash or a power cut stops it) and
 * started again on the same data without touching the shared server on 3306. Needs Debian's
 * {@code mariadb-install-db} and {@code /usr/sbin/mariadbd}: without them the test fails.
 */
final class PrivateMariaDb implements AutoCloseable {

    static final Path INSTALL = Path.of("/usr/bin/mariadb-install-db");
    static final Path SERVER = Path.of("/usr/sbin/mariadbd");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path directory;
    private final int port;
    private Process process;

    private PrivateMariaDb(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    /** A new, empty server with root and no password, started. */
    static PrivateMariaDb install(Path directory) {
        for (Path program : List.of(INSTALL, SERVER)) {
            if (!Files.isExecutable(program)) {
                throw new IllegalStateException(program + " is missing: the restart test needs Debian's mariadb-server"
                        + " (apt-get install mariadb-server)");
            }
        }
        var server = new PrivateMariaDb(directory, freePort());
        run(List.of(INSTALL.toString(), "--no-defaults", "--datadir=" + server.data(), "--user=" + user(),
                "--auth-root-authentication-method=normal", "--skip-test-db"), directory.resolve("install.log"));
        server.start();
        return server;
    }

    void start() {
        var command = List.of(SERVER.toString(), "--no-defaults", "--datadir=" + data(), "--user=" + user(),
                "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + directory.resolve("mariadb.sock"),
                "--pid-file=" + directory.resolve("mariadb.pid"), "--log-error=" + directory.resolve("mariadb.err"),
                "--innodb-buffer-pool-size=64M");
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("mariadb.out").toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + SERVER, e);
        }
        long until = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mariadbd stopped while starting; see " + directory.resolve("mariadb.err"));
            }
            try (var connection = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/", "root", "")) {
                return;
            } catch (SQLException notYet) {
                sleep(200);
            }
        }
        throw new IllegalStateException("mariadbd did not answer within " + START_TIMEOUT);
    }

    /** SIGKILL: no shutdown, whatever was not committed is lost, as in a crash. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("mariadbd did not die");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String url(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database + "?sendFractionalSeconds=false&createDatabaseIfNotExist=true";
    }

    JdbcTemplate jdbc(String database) {
        var dataSource = new DriverManagerDataSource(url(database), "root", "");
        dataSource.setDriverClassName("com.mysql.cj.jdbc.Driver");
        return new JdbcTemplate(dataSource);
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            kill();
        }
    }

    private Path data() {
        return directory.resolve("data");
    }

    /** mariadbd refuses to run as root unless told to: whoever runs the test. */
    private static String user() {
        return System.getProperty("user.name");
    }

    private static void run(List<String> command, Path log) {
        try {
            var done = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!done.waitFor(120, TimeUnit.SECONDS) || done.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed; see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static int freePort() {
        return LocalProcesses.freePort();
    }

    static void sleep(long millis) {
        LocalProcesses.sleep(millis);
    }
}

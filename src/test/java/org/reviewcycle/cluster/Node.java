package org.reviewcycle.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.reviewcycle.support.DockerFiles;
import org.reviewcycle.support.LocalProcesses;
import org.reviewcycle.support.WebSession;

/**
 * One ReviewCycle node: the built jar started the way docker/Dockerfile starts it (its ENTRYPOINT
 * and ENV, the {@code mysql} profile), with the settings docker/compose.yaml gives a node, in a
 * process of its own. Its output goes to {@code <name>.log} in the cluster directory. The cluster test and
 * the load test (load.LoadIT) start their nodes this way.
 */
public final class Node implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final String name;
    private final int port;
    private final Path log;
    /** Settings beyond docker/compose.yaml's, as environment variables (the test's SMTP server). */
    private final Map<String, String> settings;
    private Process process;

    private Node(String name, int port, Path log, Map<String, String> settings) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.settings = Map.copyOf(settings);
    }

    /** Starts the node and returns once its login page answers. */
    public static Node start(String name, int port, ClusterDatabase database, Path jar, Path directory,
            Map<String, String> settings) {
        var node = new Node(name, port, directory.resolve(name + ".log"), settings);
        node.start(database, jar);
        return node;
    }

    void start(ClusterDatabase database, Path jar) {
        List<String> command = new ArrayList<>();
        String jarInImage = DockerFiles.jarInImage();
        for (String part : DockerFiles.entrypoint()) {
            if (part.equals("java")) {
                command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            } else if (part.equals(jarInImage)) {
                command.add(jar.toAbsolutePath().toString());
            } else {
                command.add(part);
            }
        }
        if (!command.contains(jar.toAbsolutePath().toString())) {
            throw new IllegalStateException("The Dockerfile's ENTRYPOINT " + DockerFiles.entrypoint()
                    + " does not run the jar it copies to " + jarInImage);
        }
        command.add("--server.port=" + port);
        var builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(DockerFiles.environment());
        // as docker/compose.yaml sets up node-a and node-b
        builder.environment().put("MYSQL_URL", database.url());
        builder.environment().put("MYSQL_USER", database.user());
        builder.environment().put("MYSQL_PASSWORD", database.password());
        builder.environment().put("REVIEWCYCLE_DEMO", "false");
        builder.environment().putAll(settings);
        try {
            Files.writeString(log, "=== " + String.join(" ", command) + System.lineSeparator(),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
        awaitLoginPage();
    }

    private void awaitLoginPage() {
        LocalProcesses.awaitLoginPage(process, url(), START_TIMEOUT, name, log);
    }

    /** Whether this node answers {@code path} with 200 to a browser that holds only the cookie given. */
    boolean accepts(String cookie, String value, String path) {
        if (process == null || !process.isAlive()) {
            return false;
        }
        return WebSession.withCookie(url(), cookie, value).get(path).statusCode() == 200;
    }

    @Override
    public String toString() {
        return name;
    }

    /** The node's process id (the load test reads its memory and threads). */
    public long pid() {
        return process.pid();
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** As a power cut or {@code kill -9} stops it: no shutdown at all. */
    public void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** As {@code docker stop} stops it: SIGTERM, Spring's graceful shutdown. */
    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!awaitExit()) {
                process.destroyForcibly();
                awaitExit();
            }
        }
    }

    private boolean awaitExit() {
        try {
            return process.waitFor(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static int freePort() {
        return LocalProcesses.freePort();
    }

    static void sleep(long millis) {
        LocalProcesses.sleep(millis);
    }
}

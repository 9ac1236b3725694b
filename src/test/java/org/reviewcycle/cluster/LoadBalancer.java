package org.reviewcycle.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.reviewcycle.support.DockerFiles;

/**
 * Debian's nginx with docker/nginx.conf, the load balancer of docker/compose.yaml: only the
 * addresses (node-a:8080, node-b:8080, port 80) and the log and pid paths are changed, so that the
 * routing under test (the RCROUTE cookie, sticky by hash, going round a dead node) is the file's.
 */
final class LoadBalancer implements AutoCloseable {

    static final Path NGINX = Path.of("/usr/sbin/nginx");

    private final int port;
    private final Process process;

    private LoadBalancer(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    static LoadBalancer start(int port, Node nodeA, Node nodeB, Path directory) {
        if (!Files.isExecutable(NGINX)) {
            throw new IllegalStateException("The cluster test needs Debian's nginx (" + NGINX
                    + "): apt-get install nginx (.ci/run installs it)");
        }
        Path prefix = directory.resolve("nginx");
        String conf = DockerFiles.read(DockerFiles.NGINX_CONF);
        conf = replace(conf, "server node-a:8080", "server 127.0.0.1:" + nodeA.port());
        conf = replace(conf, "server node-b:8080", "server 127.0.0.1:" + nodeB.port());
        conf = replace(conf, "listen 80;", "listen 127.0.0.1:" + port + ";");
        conf = replace(conf, "error_log /var/log/nginx/error.log", "error_log " + prefix.resolve("error.log"));
        conf = replace(conf, "access_log /var/log/nginx/access.log", "access_log " + prefix.resolve("access.log"));
        conf = replace(conf, "pid /var/run/nginx.pid", "pid " + prefix.resolve("nginx.pid"));
        try {
            Files.createDirectories(prefix);
            Path file = prefix.resolve("nginx.conf");
            Files.writeString(file, conf);
            var process = new ProcessBuilder(List.of(NGINX.toString(), "-p", prefix.toAbsolutePath().toString(),
                    "-c", file.toAbsolutePath().toString(), "-e", prefix.resolve("error.log").toAbsolutePath().toString(),
                    "-g", "daemon off;")).redirectErrorStream(true)
                    .redirectOutput(prefix.resolve("nginx.out").toFile()).start();
            var balancer = new LoadBalancer(port, process);
            balancer.awaitListening(prefix);
            return balancer;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start nginx", e);
        }
    }

    private static String replace(String conf, String what, String with) {
        if (!conf.contains(what)) {
            throw new IllegalStateException(DockerFiles.NGINX_CONF + " no longer has '" + what
                    + "': change the cluster test with it");
        }
        return conf.replace(what, with);
    }

    private void awaitListening(Path prefix) {
        for (int i = 0; i < 100; i++) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx stopped at once; see " + prefix);
            }
            try (var socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Node.sleep(100);
            }
        }
        throw new IllegalStateException("nginx does not listen on " + port + "; see " + prefix);
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

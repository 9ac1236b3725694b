package org.reviewcycle.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** For tests that start servers of their own as child processes (the cluster's nodes, a private MariaDB). */
public final class LocalProcesses {

    private LocalProcesses() {
    }

    /** A port nobody listens on just now. */
    public static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package org.reviewcycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.reviewcycle.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Request bodies are limited before they are read (README, "Security"): a member of staff streams
 * a 300 MB upload, as the attack did, over a plain socket that counts what the server let it send.
 * The server answers 413 and closes the connection after reading at most the limit, so the client
 * manages to send only a small part (what the sockets' buffers take); nothing is deployed. Before
 * the limit, the server read all 300 MB (and its memory grew by about 1.4 GB).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequestBodyLimitTest {

    static final long ATTACK = 300L * 1024 * 1024;
    /** More than the 5 MB limit, Tomcat's 2 MB swallow and the sockets' buffers; far less than the upload. */
    static final long AT_MOST_SENT = 40L * 1024 * 1024;

    @LocalServerPort int port;
    @Autowired RepositoryService repository;

    @Test
    void aDeclared300MbUploadByStaffIsRefusedWith413BeforeItIsRead() throws Exception {
        long deployments = repository.createDeploymentQuery().count();
        var upload = upload("Content-Length: " + ATTACK, false);

        assertThat(upload.statusLine()).contains(" 413 ");
        assertThat(upload.body()).contains("This upload is larger than 5 MB, the most ReviewCycle accepts.");
        assertThat(upload.sent()).isLessThan(AT_MOST_SENT);
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void aChunked300MbUploadByStaffIsCutOffAtTheLimitWith413() throws Exception {
        long deployments = repository.createDeploymentQuery().count();
        var upload = upload("Transfer-Encoding: chunked", true);

        assertThat(upload.statusLine()).contains(" 413 ");
        assertThat(upload.body()).contains("This upload is larger than 5 MB");
        assertThat(upload.sent()).isLessThan(AT_MOST_SENT);
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void aJsonBodyOverOneMegabyteIsRefusedWith413AndASentence() {
        var teacher = WebSession.basic(port, "teacher.mpg", "demo");
        String padding = "x".repeat(1024 * 1024);
        var response = teacher.postJson("/engine-rest/task?maxResults=1", "{\"name\": \"" + padding + "\"}");
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).isEqualTo(
                "{\"type\":\"RequestTooLarge\",\"message\":\"This request is larger than 1 MB, the most ReviewCycle accepts.\"}");

        // under the limit the same request is answered as ever
        assertThat(teacher.postJson("/engine-rest/task?maxResults=1", "{\"name\": \"" + padding.substring(1000) + "\"}")
                .statusCode()).isEqualTo(200);
    }

    record Upload(String statusLine, String body, long sent) {
    }

    /**
     * A multipart deployment of {@link #ATTACK} bytes, as teacher.mpg, written as fast as the
     * server takes it, on and on as an attacker would, while another thread reads the answer. Stops
     * when the server has closed the connection.
     */
    private Upload upload(String lengthHeader, boolean chunked) throws Exception {
        try (var socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            var answer = CompletableFuture.supplyAsync(() -> readAnswer(socket));
            OutputStream out = socket.getOutputStream();
            String basic = Base64.getEncoder().encodeToString("teacher.mpg:demo".getBytes(StandardCharsets.UTF_8));
            out.write(("POST /engine-rest/deployment/create HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Basic " + basic + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=limit\r\n" + lengthHeader + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] block = new byte[64 * 1024];
            java.util.Arrays.fill(block, (byte) 'a');
            byte[] chunkHeader = (Integer.toHexString(block.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            long sent = 0;
            try {
                while (sent < ATTACK) {
                    if (chunked) {
                        out.write(chunkHeader);
                    }
                    out.write(block);
                    if (chunked) {
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    sent += block.length;
                }
            } catch (IOException closedByTheServer) {
                // expected: the server refused the rest
            }
            String[] statusAndBody = answer.get(60, TimeUnit.SECONDS);
            return new Upload(statusAndBody[0], statusAndBody[1], sent);
        }
    }

    private static String[] readAnswer(Socket socket) {
        try {
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String status = in.readLine();
            var rest = new StringBuilder();
            for (String line = in.readLine(); line != null && rest.length() < 10_000; line = in.readLine()) {
                rest.append(line).append('\n');
            }
            return new String[] {status, rest.toString()};
        } catch (IOException e) {
            return new String[] {"no answer: " + e, ""};
        }
    }
}

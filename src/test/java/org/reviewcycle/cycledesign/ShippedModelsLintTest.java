package org.reviewcycle.cycledesign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every model shipped in bpmn/ passes the BPMN editor's lint (src/main/frontend/.bpmnlintrc:
 * bpmnlint's recommended rules, Camunda 7.24 compatibility, and our own), with no error and no
 * warning: what an admin opens in the editor starts clean. Runs the editor's own linter with the
 * machine's Node.js (lint-models.mjs; the Maven build has installed its packages); without Node.js
 * this test fails, it never skips.
 */
class ShippedModelsLintTest {

    private static final Path FRONTEND = Path.of("src/main/frontend");

    @Test
    void everyShippedModelIsLintClean() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", "lint-models.mjs"));
        try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
            models.filter(p -> p.toString().endsWith(".bpmn")).sorted()
                    .forEach(p -> command.add(p.toAbsolutePath().toString()));
        }
        assertThat(command).hasSizeGreaterThan(2);

        Process lint;
        try {
            lint = new ProcessBuilder(command).directory(FRONTEND.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("The lint of the shipped models needs Node.js 20+ on the PATH (" + e.getMessage() + ")", e);
        }
        String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(lint.waitFor(2, TimeUnit.MINUTES)).as("the lint ends").isTrue();
        assertThat(lint.exitValue()).as("bpmnlint's findings:%n%s", output).isZero();
        assertThat(output).contains("0 finding(s)");
    }
}

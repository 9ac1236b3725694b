package org.reviewcycle.benchmark;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * The heap the parsed cycles take ({@code -Dbench.parts=parsed-cycles}): Camunda keeps every parsed process
 * definition in memory, and the server's warm-up parses every cycle with reviews running (up to 500). The
 * shipped cycle, with its forms, is deployed for each of {@code bench.schools} schools (default 250) as each
 * school's own; the engine's cache is emptied as after a restart, every cycle parsed as the warm-up parses it,
 * and the heap read after a full collection; then the cache is emptied again and the heap read again. The
 * difference is what the parsed cycles hold, and nothing else the application keeps meanwhile (the database's
 * own cache, for one, which H2 keeps in the same heap).
 */
final class ParsedCyclesBenchmark {

    private ParsedCyclesBenchmark() {
    }

    /** The heap read with the cycles parsed and again once the engine's cache is emptied, in bytes. */
    record Figures(String database, int cycles, double parseMillis, long heapParsed, long heapEmptied) {

        long held() {
            return heapParsed - heapEmptied;
        }

        long perCycle() {
            return held() / cycles;
        }
    }

    static Figures run(BenchmarkDatabase database, int schools) {
        try (var app = new BenchmarkApplication(database)) {
            ProcessEngine engine = app.bean(ProcessEngine.class);
            Map<String, byte[]> shippedCycle = shippedCycle();
            List<String> definitions = new ArrayList<>();
            for (int i = 0; i < schools; i++) {
                definitions.add(deploy(engine, shippedCycle, "parsed-cycles-" + i));
            }
            var cache = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDeploymentCache();
            cache.discardProcessDefinitionCache();
            long start = System.nanoTime();
            definitions.forEach(id -> engine.getRepositoryService().getProcessDefinition(id));
            double parseMillis = (System.nanoTime() - start) / 1e6;
            long parsed = heapAfterFullCollection();
            cache.discardProcessDefinitionCache();
            long emptied = heapAfterFullCollection();
            var figures = new Figures(database.name(), schools, parseMillis, parsed, emptied);
            System.out.printf("parsed cycles, %s: %d parsed in %.0f ms; heap %d MiB with them, %d MiB without: "
                    + "%d KiB each%n", database, schools, parseMillis, parsed >> 20, emptied >> 20, figures.perCycle() >> 10);
            return figures;
        }
    }

    /** The shipped cycle and its forms, by file name, in the order they are deployed. */
    private static Map<String, byte[]> shippedCycle() {
        var files = new LinkedHashMap<String, byte[]>();
        try (var forms = Files.list(Path.of("forms"))) {
            files.put("AnnualReviewCycle.bpmn", Files.readAllBytes(Path.of("bpmn", "AnnualReviewCycle.bpmn")));
            for (Path form : forms.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
                files.put(form.getFileName().toString(), Files.readAllBytes(form));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The cycle deployed as one school's (the deploy gate wants the forms with it); its definition's id. */
    private static String deploy(ProcessEngine engine, Map<String, byte[]> cycle, String school) {
        var deployment = engine.getRepositoryService().createDeployment().tenantId(school).name("AnnualReviewCycle");
        cycle.forEach((name, content) -> deployment.addInputStream(name, new ByteArrayInputStream(content)));
        return deployment.deployWithResult().getDeployedProcessDefinitions().get(0).getId();
    }

    /** Read straight after the last of a few full collections (a pause between them lets finalizers run). */
    private static long heapAfterFullCollection() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The README's table row for these figures. */
    static String rows(Figures f) {
        return String.format("| parsed cycles kept by the engine, %,d schools' (the shipped cycle), %s: heap per cycle "
                + "/ in all; time to parse them all | %,d KiB / %,d MiB; %.0f ms |  |  |  |  |  |%n", f.cycles(),
                f.database(), f.perCycle() >> 10, f.held() >> 20, f.parseMillis());
    }
}

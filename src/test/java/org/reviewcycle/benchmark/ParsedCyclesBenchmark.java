package org.reviewcycle.benchmark;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * The heap the parsed cycles take ({@code -Dbench.parts=parsed-cycles}): Camunda keeps every parsed process
 * definition in memory, and the server's warm-up parses every cycle with reviews running (up to 500). The
 * shipped cycle, with its forms, is deployed for each of {@code bench.schools} schools (default 250) as each
 * school's own; the engine's cache is emptied as after a restart, the heap read after a full collection, every
 * cycle parsed as the warm-up parses it, and the heap read again.
 */
final class ParsedCyclesBenchmark {

    private ParsedCyclesBenchmark() {
    }

    record Figures(String database, int cycles, double parseMillis, long heapBefore, long heapAfter) {

        long perCycle() {
            return (heapAfter - heapBefore) / cycles;
        }
    }

    static Figures run(BenchmarkDatabase database, int schools) {
        try (var app = new BenchmarkApplication(database)) {
            ProcessEngine engine = app.bean(ProcessEngine.class);
            List<String> definitions = new ArrayList<>();
            for (int i = 0; i < schools; i++) {
                definitions.add(deployShippedCycle(engine, "parsed-cycles-" + i));
            }
            var cache = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDeploymentCache();
            cache.discardProcessDefinitionCache();
            long before = heapAfterFullCollection();
            long start = System.nanoTime();
            definitions.forEach(id -> engine.getRepositoryService().getProcessDefinition(id));
            double parseMillis = (System.nanoTime() - start) / 1e6;
            long after = heapAfterFullCollection();
            var figures = new Figures(database.name(), schools, parseMillis, before, after);
            System.out.printf("parsed cycles, %s: %d parsed in %.0f ms; heap %d MB before, %d MB after: %d KB each%n",
                    database, schools, parseMillis, before >> 20, after >> 20, figures.perCycle() >> 10);
            return figures;
        }
    }

    /** The shipped cycle and its forms, deployed as one school's (the deploy gate wants the forms with it). */
    private static String deployShippedCycle(ProcessEngine engine, String school) {
        try (var forms = Files.list(Path.of("forms"))) {
            var deployment = engine.getRepositoryService().createDeployment().tenantId(school).name("AnnualReviewCycle")
                    .addInputStream("AnnualReviewCycle.bpmn", read(Path.of("bpmn", "AnnualReviewCycle.bpmn")));
            for (Path form : forms.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
                deployment.addInputStream(form.getFileName().toString(), read(form));
            }
            return deployment.deployWithResult().getDeployedProcessDefinitions().get(0).getId();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ByteArrayInputStream read(Path file) throws IOException {
        return new ByteArrayInputStream(Files.readAllBytes(file));
    }

    private static long heapAfterFullCollection() {
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The README's table row for these figures. */
    static String rows(Figures f) {
        return String.format("| parsed cycles kept by the engine, %,d schools' (the shipped cycle), %s: heap per cycle "
                + "/ in all | %,d KB / %,d MB |  |  |  | parsed in %.0f ms |  |%n", f.cycles(), f.database(),
                f.perCycle() >> 10, (f.heapAfter() - f.heapBefore()) >> 20, f.parseMillis());
    }
}

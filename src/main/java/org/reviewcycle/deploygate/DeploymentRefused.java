package org.reviewcycle.deploygate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.ResourceReportImpl;

/**
 * The deploy gate's answer: a {@link ParseException}, which the engine's REST API sends as a 400
 * with a report per resource (Camunda Modeler shows it as it shows the engine's own parse errors),
 * and which our own callers of RepositoryService catch as any refused deployment. Thrown inside the
 * deployment's transaction, so that nothing of the deployment is written.
 */
public class DeploymentRefused extends ParseException {

    private static final long serialVersionUID = 1L;

    private final Map<String, List<Refusal>> refusals;

    DeploymentRefused(Map<String, List<Refusal>> refusals) {
        super(message(refusals), refusals.keySet().iterator().next(), List.copyOf(refusals.values().iterator().next()),
                List.of());
        this.refusals = new LinkedHashMap<>(refusals);
        this.resorceReports = new ArrayList<>();
        refusals.forEach((resource, problems) ->
                resorceReports.add(new ResourceReportImpl(resource, List.copyOf(problems), List.of())));
    }

    /** Every reason, as "resource, element: reason", for a page that lists them. */
    public List<String> reasons() {
        return refusals.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(r -> e.getKey() + ", " + r.getMessage())).toList();
    }

    private static String message(Map<String, List<Refusal>> refusals) {
        return "The deployment was refused and nothing was deployed. " + refusals.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(r -> e.getKey() + ", " + r.getMessage()))
                .collect(Collectors.joining("; ")) + ".";
    }
}

package org.reviewcycle.dryrun;

import java.util.Map;

/**
 * What a dry run runs: a changed cycle model, or parts of it. Whatever is left out (null, or a form
 * not given) is taken from the school's current deployment of the cycle, so that a changed BPMN
 * runs with the school's ReviewPlan decision and forms.
 *
 * @param bpmnXml the BPMN model (the AnnualReviewCycle process), or null for the current one
 * @param dmnXml the ReviewPlan decision, or null for the current one
 * @param formsByKey Camunda Forms (form-js JSON) by their id, replacing the current form of that id
 */
public record DryRunModel(String bpmnXml, String dmnXml, Map<String, String> formsByKey) {

    public DryRunModel {
        formsByKey = formsByKey == null ? Map.of() : Map.copyOf(formsByKey);
    }

    /** The model the school runs now. */
    public static DryRunModel current() {
        return new DryRunModel(null, null, Map.of());
    }

    boolean changed() {
        return bpmnXml != null || dmnXml != null || !formsByKey.isEmpty();
    }
}

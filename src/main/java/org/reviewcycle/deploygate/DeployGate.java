package org.reviewcycle.deploygate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.util.unit.DataSize;

/**
 * The engine's first deployer (a custom pre-deployer, {@link DeployGatePlugin}): it sees every
 * resource of every new deployment, whatever sent it, before the engine's BPMN, DMN and form
 * deployers parse anything, and refuses the whole deployment with every reason it finds
 * ({@link DeploymentRefused}) inside the deployment's transaction, so that nothing is written.
 * Deployments the engine reloads into its cache (after a restart, on another node) passed when they
 * were made and are not checked again.
 */
final class DeployGate implements Deployer {

    private final long maxResourceBytes;
    private final BpmnRules bpmn;
    private final DmnRules dmn = new DmnRules();
    private final FormRules forms;

    DeployGate(DataSize maxResourceSize, Beans beans, ShippedModel shipped) {
        this.maxResourceBytes = maxResourceSize.toBytes();
        this.bpmn = new BpmnRules(beans, new ExpressionRules(beans), shipped);
        this.forms = new FormRules(shipped);
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew() || deployment.getResources() == null) {
            return;
        }
        Map<String, List<Refusal>> refusals = new LinkedHashMap<>();
        Set<String> formIds = deployment.getResources().values().stream()
                .filter(resource -> isForm(resource.getName()))
                .map(resource -> FormRules.idOf(resource.getBytes())).flatMap(Optional::stream)
                .collect(Collectors.toSet());
        for (ResourceEntity resource : deployment.getResources().values()) {
            List<Refusal> found = check(resource.getName(), resource.getBytes(), formIds);
            if (!found.isEmpty()) {
                refusals.put(resource.getName(), found);
            }
        }
        if (!refusals.isEmpty()) {
            throw new DeploymentRefused(refusals);
        }
    }

    /**
     * Why the resource {@code name} may not be deployed, beside forms of {@code formIds}; empty when
     * it may.
     */
    List<Refusal> check(String name, byte[] content, Set<String> formIds) {
        byte[] bytes = content == null ? new byte[0] : content;
        if (bytes.length > maxResourceBytes) {
            return List.of(Refusal.ofResource("the file is " + bytes.length / 1024 + " KB, over the limit of "
                    + maxResourceBytes / 1024 + " KB for one model or form (reviewcycle.deploy-gate.max-resource-size)"));
        }
        String lower = String.valueOf(name).toLowerCase(Locale.ROOT);
        try {
            if (ModelAllowlist.BPMN_SUFFIXES.stream().anyMatch(lower::endsWith)) {
                return bpmn.check(SafeXml.parse(bytes), formIds);
            }
            if (ModelAllowlist.DMN_SUFFIXES.stream().anyMatch(lower::endsWith)) {
                return dmn.check(SafeXml.parse(bytes));
            }
        } catch (SafeXml.NotReadable e) {
            return List.of(Refusal.ofResource(e.getMessage()));
        }
        if (isForm(lower)) {
            return forms.check(bytes);
        }
        return List.of(Refusal.ofResource("a deployment may hold BPMN models (.bpmn), decisions (.dmn) and "
                + "Camunda Forms (.form) only"));
    }

    private static boolean isForm(String name) {
        String lower = String.valueOf(name).toLowerCase(Locale.ROOT);
        return ModelAllowlist.FORM_SUFFIXES.stream().anyMatch(lower::endsWith);
    }
}

package org.reviewcycle.deploygate;

import java.util.ArrayList;
import java.util.Optional;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.springframework.util.unit.DataSize;

/**
 * Puts the deploy gate in front of the engine's own deployers, so that every deployment passes it
 * (registered as the engine plugins are: a bean that the Camunda starter hands to the engine).
 */
@Component
class DeployGatePlugin extends AbstractProcessEnginePlugin {

    private final DeployGate gate;

    DeployGatePlugin(ApplicationContext context, ResourcePatternResolver resolver,
            @Value("${reviewcycle.model-resources}") String[] shippedResources,
            @Value("${reviewcycle.deploy-gate.max-resource-size}") DataSize maxResourceSize) {
        Beans beans = new Beans() {
            @Override
            public boolean exists(String name) {
                return context.containsBean(name);
            }

            @Override
            public Optional<Class<?>> typeOf(String name) {
                return context.containsBean(name)
                        ? Optional.ofNullable(context.getType(name)).map(ClassUtils::getUserClass) : Optional.empty();
            }
        };
        this.gate = new DeployGate(maxResourceSize, beans, new ShippedModel(resolver, shippedResources));
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        var deployers = new ArrayList<Deployer>();
        deployers.add(gate);
        if (configuration.getCustomPreDeployers() != null) {
            deployers.addAll(configuration.getCustomPreDeployers());
        }
        configuration.setCustomPreDeployers(deployers);
    }
}

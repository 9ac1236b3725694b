package org.reviewcycle.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.reviewcycle.staff.EngineGroups;
import org.springframework.stereotype.Component;

/**
 * Engine settings that belong to security and are not plain properties (those are in
 * application.properties under "Camunda security"): our admin group, and in front of every
 * command the staff command guard (what staff may ask at all), the task query expression guard
 * and the task submission guard.
 */
@Component
class EngineSecurityPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setAdminGroups(new ArrayList<>(List.of(EngineGroups.ADMINS)));
        configuration.setCustomPreCommandInterceptorsTxRequired(
                withGuards(configuration, configuration.getCustomPreCommandInterceptorsTxRequired()));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(
                withGuards(configuration, configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
    }

    private static List<CommandInterceptor> withGuards(ProcessEngineConfigurationImpl configuration,
            List<CommandInterceptor> interceptors) {
        var all = new ArrayList<CommandInterceptor>();
        all.add(new StaffCommandGuard(configuration));
        all.add(new TaskQueryExpressionGuard());
        all.add(new TaskSubmissionGuard(configuration));
        if (interceptors != null) {
            all.addAll(interceptors);
        }
        return all;
    }
}

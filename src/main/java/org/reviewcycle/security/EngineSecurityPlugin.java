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
 * application.properties under "Camunda security"): the engine's administrators, the tenant check,
 * and in front of every command the staff command guard (what staff and school admins may ask at
 * all), the task query expression guard and the task submission guard.
 */
@Component
class EngineSecurityPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // Engine administrators skip the authorization and the tenant checks, so only the trust's
        // admins are; a school's admins work under both (EngineAuthorizations), in their school only.
        configuration.setAdminGroups(new ArrayList<>(List.of(EngineGroups.TRUST_ADMINS)));
        // each school is a tenant (StaffMapper.xml); the engine's default, stated because schools rely on it
        configuration.setTenantCheckEnabled(true);
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

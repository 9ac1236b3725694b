package org.reviewcycle.staff;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.stereotype.Component;

/** Makes the staff tables the engine's users and groups (replacing Camunda's ACT_ID_* tables). */
@Component
class StaffIdentityPlugin extends AbstractProcessEnginePlugin implements SessionFactory {

    private final StaffMapper staff;
    /** The login's provider (security's LoginThrottling), asked for when first needed: the engine need not wait for it. */
    private final ObjectProvider<AuthenticationProvider> logins;

    StaffIdentityPlugin(StaffMapper staff, ObjectProvider<AuthenticationProvider> logins) {
        this.staff = staff;
        this.logins = logins;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityProviderSessionFactory(this);
    }

    @Override
    public Class<?> getSessionType() {
        return ReadOnlyIdentityProvider.class;
    }

    @Override
    public Session openSession() {
        return new StaffIdentityProvider(staff, logins.getObject());
    }
}

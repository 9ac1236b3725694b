package org.reviewcycle.staff;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Makes the staff tables the engine's users and groups (replacing Camunda's ACT_ID_* tables). */
@Component
class StaffIdentityPlugin extends AbstractProcessEnginePlugin implements SessionFactory {

    private final StaffMapper staff;
    private final PasswordEncoder passwordEncoder;

    StaffIdentityPlugin(StaffMapper staff, PasswordEncoder passwordEncoder) {
        this.staff = staff;
        this.passwordEncoder = passwordEncoder;
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
        return new StaffIdentityProvider(staff, passwordEncoder);
    }
}

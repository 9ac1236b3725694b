package org.reviewcycle.staff;

import java.util.List;

import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.TenantQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;

/** The engine's tenant query, answered from the school table: one tenant per school. */
class StaffTenantQuery extends TenantQueryImpl {

    StaffTenantQuery() {
    }

    StaffTenantQuery(CommandExecutor commandExecutor) {
        super(commandExecutor);
    }

    @Override
    public long executeCount(CommandContext commandContext) {
        return StaffIdentityProvider.of(commandContext).countTenants(this);
    }

    @Override
    public List<Tenant> executeList(CommandContext commandContext, Page page) {
        return StaffIdentityProvider.of(commandContext).findTenants(this);
    }
}

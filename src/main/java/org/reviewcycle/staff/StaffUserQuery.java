package org.reviewcycle.staff;

import java.util.List;

import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.UserQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;

/** The engine's user query, answered from the staff tables. */
class StaffUserQuery extends UserQueryImpl {

    StaffUserQuery() {
    }

    StaffUserQuery(CommandExecutor commandExecutor) {
        super(commandExecutor);
    }

    @Override
    public long executeCount(CommandContext commandContext) {
        return StaffIdentityProvider.of(commandContext).countUsers(this);
    }

    @Override
    public List<User> executeList(CommandContext commandContext, Page page) {
        return StaffIdentityProvider.of(commandContext).findUsers(this);
    }
}

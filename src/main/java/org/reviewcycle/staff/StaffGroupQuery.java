package org.reviewcycle.staff;

import java.util.List;

import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.GroupQueryImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;

/** The engine's group query, answered from the staff, school and team tables. */
class StaffGroupQuery extends GroupQueryImpl {

    StaffGroupQuery() {
    }

    StaffGroupQuery(CommandExecutor commandExecutor) {
        super(commandExecutor);
    }

    @Override
    public long executeCount(CommandContext commandContext) {
        return StaffIdentityProvider.of(commandContext).countGroups(this);
    }

    @Override
    public List<Group> executeList(CommandContext commandContext, Page page) {
        return StaffIdentityProvider.of(commandContext).findGroups(this);
    }
}

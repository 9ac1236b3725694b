package org.reviewcycle.security;

import java.lang.reflect.Field;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.query.Query;

/**
 * Refuses every task query that carries an expression, for every caller, admins included
 * (CVE-2026-109432). Camunda 7.24.0 checks {@code enableExpressionsInAdhocQueries} on the main
 * query only: the queries inside {@code orQueries} are built without that validator, so
 * {@code {"orQueries":[{"assigneeExpression":"${...}"}]}} reaches the expression language. This
 * interceptor looks at the main query and each or-query, wherever a task query enters the engine:
 * an ad-hoc query, the query that extends a filter when Tasklist lists a filter's tasks, and a
 * filter being saved.
 */
class TaskQueryExpressionGuard extends CommandInterceptor {

    /** Named in the message should Camunda rename a field this guard reads. */
    private static final String GUARD = "task query expression guard";
    /** Camunda keeps the extending query and the filter being saved in protected fields with no getters. */
    private static final Field EXTENDING_QUERY =
            CommandFields.field(AbstractExecuteFilterCmd.class, "extendingQuery", GUARD);
    private static final Field FILTER_TO_SAVE = CommandFields.field(SaveFilterCmd.class, "filter", GUARD);

    @Override
    public <T> T execute(Command<T> command) {
        if (command instanceof TaskQueryImpl query) {
            refuseExpressions(query);
        } else if (command instanceof AbstractExecuteFilterCmd filterCommand) {
            refuseExpressions(extendingQuery(filterCommand));
        } else if (command instanceof SaveFilterCmd saveFilter) {
            refuseExpressions(storedQuery(saveFilter));
        }
        return next.execute(command);
    }

    static void refuseExpressions(Query<?, ?> query) {
        if (!(query instanceof TaskQueryImpl taskQuery)) {
            return;
        }
        for (TaskQueryImpl part : taskQuery.getQueries()) {
            Map<String, String> expressions = part.getExpressions();
            if (expressions != null && !expressions.isEmpty()) {
                throw new BadUserRequestException("Expressions are not allowed in task queries (found "
                        + String.join(", ", expressions.keySet()) + "). Ask for the values themselves.");
            }
        }
    }

    private static Query<?, ?> extendingQuery(AbstractExecuteFilterCmd command) {
        return (Query<?, ?>) CommandFields.read(EXTENDING_QUERY, command);
    }

    private static Query<?, ?> storedQuery(SaveFilterCmd command) {
        Filter filter = (Filter) CommandFields.read(FILTER_TO_SAVE, command);
        return filter == null ? null : filter.getQuery();
    }
}

package org.reviewcycle.security;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Each person's "My tasks" filter in Tasklist: the tasks assigned to them, and those offered to them
 * or to their groups. Stored queries may hold no expressions (no {@code ${currentUser()}}), so the
 * filter names the person literally; their groups are not named, as a candidate-user query takes
 * the person's groups when it runs, so a new team or role shows at once. (Naming them would not
 * last: Camunda 7.24 drops {@code candidateGroups} when it reads a stored or-query that also has a
 * {@code candidateUser}.) The filter is checked at every login and written only when it is missing
 * or wrong: logins are frequent and should be quick. The engine grants the owner of a filter its
 * rights on it. It comes first in Tasklist (the lowest priority number), before the admins' shared
 * list.
 */
@Component
public class PersonalTaskFilters {

    public static final String MY_TASKS = "My tasks";

    /**
     * Tasklist's {@code sorting} parameter for the filter's own order. Tasklist does not take a filter's
     * sorting: opened without one, it sorts by creation, newest first, and asks for the list twice.
     */
    static final String SOONEST_DUE_FIRST = "%5B%7B%22sortBy%22:%22dueDate%22,%22sortOrder%22:%22asc%22%7D%5D";

    private static final Logger log = LoggerFactory.getLogger(PersonalTaskFilters.class);

    private final FilterService filters;
    private final TaskService tasks;
    private final AuthorizationService authorizations;

    PersonalTaskFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
    }

    /**
     * A filter must never stop a person logging in: whatever is wrong with theirs is put right here
     * where it can be, and otherwise logged, and they reach Tasklist either way.
     */
    @EventListener
    void onLogin(InteractiveAuthenticationSuccessEvent login) {
        String username = login.getAuthentication().getName();
        try {
            myTasksOf(username);
        } catch (RuntimeException e) {
            log.warn("Could not bring {}'s \"{}\" filter up to date; they logged in with it as it was", username,
                    MY_TASKS, e);
        }
    }

    /**
     * The person's "My tasks" filter, created or brought up to date. Two of them (one made in a race
     * of two logins, or one a colleague handed over by making the person its owner) are replaced by
     * one; so is one that someone else may also read, as only its owner should.
     */
    public Filter myTasksOf(String username) {
        TaskQuery query = tasks.createTaskQuery().or().taskAssignee(username).taskCandidateUser(username).endOr()
                .orderByDueDate().asc();
        Map<String, Object> properties = Map.of(
                "description", "Your appraisal tasks, and those offered to you or your teams, soonest due first",
                "priority", -10,
                "refresh", true);

        List<Filter> found = myTasksFiltersOf(username);
        if (found.size() == 1 && onlyItsOwnerMayUse(found.get(0))) {
            Filter filter = found.get(0);
            if (same(filter, query, properties)) {
                return filter;
            }
            return filters.saveFilter(filter.setQuery(query).setProperties(properties));
        }
        for (Filter unsure : found) {
            filters.deleteFilter(unsure.getId());
        }
        return filters.saveFilter(filters.newTaskFilter(MY_TASKS).setOwner(username).setQuery(query)
                .setProperties(properties));
    }

    /**
     * Where the person starts in Tasklist: their "My tasks", soonest due first, as the list says it is; Tasklist
     * as it opens when they have no such list (yet).
     */
    public String landingOf(String username) {
        try {
            List<Filter> found = myTasksFiltersOf(username);
            if (found.size() == 1) {
                return LoginPage.TASKLIST + "#/?searchQuery=%5B%5D&filter=" + found.get(0).getId() + "&sorting="
                        + SOONEST_DUE_FIRST;
            }
        } catch (RuntimeException unreadable) {
            // a filter the engine cannot read (onLogin has said so): Tasklist opens without it
        }
        return LoginPage.TASKLIST;
    }

    private List<Filter> myTasksFiltersOf(String username) {
        return filters.createFilterQuery().filterName(MY_TASKS).filterOwner(username).list();
    }

    private boolean onlyItsOwnerMayUse(Filter filter) {
        return authorizations.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(filter.getId())
                .list().stream().allMatch(grant -> filter.getOwner().equals(grant.getUserId()));
    }

    /** Compared as the engine reads them back, so a filter read back compares equal to the one written. */
    private static boolean same(Filter stored, TaskQuery query, Map<String, Object> properties) {
        var written = new FilterEntity(EntityTypes.TASK);
        written.setQuery(query);
        written.setProperties(properties);
        // properties come back as a map of the engine's own order and number types
        var readBack = new FilterEntity(EntityTypes.TASK);
        readBack.setPropertiesInternal(written.getPropertiesInternal());
        var current = (FilterEntity) stored;
        return written.getQueryInternal().equals(current.getQueryInternal())
                && readBack.getProperties().equals(current.getProperties());
    }
}

package org.reviewcycle.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.reviewcycle.staff.EngineGroups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The engine authorizations every installation needs, made once at start-up if missing.
 * Staff may use Tasklist and read the cycle's definitions (to show process names and forms); their
 * "My tasks" filter is their own (PersonalTaskFilters). Admins may do everything but read a
 * colleague's filters: they have the shared "All tasks in every school" filter and may make filters
 * of their own, and nobody lands on someone else's list. What staff may ask of the engine at all is
 * {@link StaffCommandGuard}'s. Which tasks a person sees is not granted here: the engine grants the
 * assignee and the candidate users and groups of each task its rights on that task, so a teacher
 * sees their own tasks and those offered to their groups, and nothing of the head's. Admins are
 * also engine administrators ({@link EngineSecurityPlugin}), which only some admin-only commands
 * look at; every other check reads these grants.
 */
@Component
class EngineAuthorizations {

    /** Every task the viewer may see: for admins, who may see every task. */
    static final String ALL_TASKS_FILTER = "All tasks in every school";
    /** What {@link #ALL_TASKS_FILTER} was called before its name said whose tasks it holds. */
    private static final String ALL_TASKS_FILTER_BEFORE = "All tasks";

    private static final Logger log = LoggerFactory.getLogger(EngineAuthorizations.class);

    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;

    EngineAuthorizations(AuthorizationService authorizations, FilterService filters, TaskService tasks) {
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
    }

    @EventListener(ApplicationReadyEvent.class)
    void grantDefaults() {
        grant(EngineGroups.STAFF, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(EngineGroups.STAFF, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
        allTasksFilter();
        // What Camunda's first-run setup would give its admin group, given to ours instead, but
        // for the users, groups and tenants: they are the staff tables, changed in ReviewCycle
        // (read-only in the engine), so Camunda Admin offers no "create", "update" or "delete".
        for (Resources resource : Resources.values()) {
            if (resource == Resources.FILTER) {
                // a colleague's "My tasks" is theirs alone; the shared filter is granted by id above
                grantOnly(EngineGroups.ADMINS, resource, Permissions.CREATE);
            } else if (STAFF_DIRECTORY.contains(resource)) {
                grantOnly(EngineGroups.ADMINS, resource, Permissions.READ);
            } else if (STAFF_MEMBERSHIPS.contains(resource)) {
                revoke(EngineGroups.ADMINS, resource);
            } else {
                grant(EngineGroups.ADMINS, resource, ANY, Permissions.ALL);
            }
        }
    }

    /** The engine resources that our staff tables are: read-only for everyone... */
    static final java.util.Set<Resources> STAFF_DIRECTORY = java.util.EnumSet.of(Resources.USER, Resources.GROUP,
            Resources.TENANT);
    /** ...and memberships, which the engine knows only as something to create or delete: for nobody. */
    static final java.util.Set<Resources> STAFF_MEMBERSHIPS = java.util.EnumSet.of(Resources.GROUP_MEMBERSHIP,
            Resources.TENANT_MEMBERSHIP);

    /** Takes back whatever an earlier version granted the group on every resource of the type. */
    private void revoke(String groupId, Resource resource) {
        var authorization = find(groupId, resource, ANY);
        if (authorization != null) {
            authorizations.deleteAuthorization(authorization.getId());
            log.info("Group '{}' may no longer change {}", groupId, resource.resourceName());
        }
    }

    /** Grants the group exactly this permission on every resource of the type, taking back any other. */
    private void grantOnly(String groupId, Resource resource, Permission permission) {
        var authorization = find(groupId, resource, ANY);
        if (authorization == null) {
            grant(groupId, resource, ANY, permission);
            return;
        }
        boolean onlyThat = authorization.isPermissionGranted(permission) && java.util.Arrays.stream(Permissions.values())
                .allMatch(p -> p == permission || p == Permissions.NONE || !authorization.isPermissionGranted(p));
        if (onlyThat) {
            return;
        }
        authorization.setPermissions(new Permission[] {permission});
        authorizations.saveAuthorization(authorization);
        log.info("Group '{}' may now only {} on {}", groupId, permission.getName(), resource.resourceName());
    }

    private org.camunda.bpm.engine.authorization.Authorization find(String groupId, Resource resource,
            String resourceId) {
        return authorizations.createAuthorizationQuery()
                .groupIdIn(groupId)
                .resourceType(resource)
                .resourceId(resourceId)
                .singleResult();
    }

    /** The admins' shared filter, listed after each person's own "My tasks" (PersonalTaskFilters). */
    private void allTasksFilter() {
        Filter shared = sharedFilter(ALL_TASKS_FILTER);
        if (shared == null) {
            shared = sharedFilter(ALL_TASKS_FILTER_BEFORE);
            if (shared != null) {
                filters.saveFilter(shared.setName(ALL_TASKS_FILTER));
                log.info("Renamed the Tasklist filter '{}' to '{}'", ALL_TASKS_FILTER_BEFORE, ALL_TASKS_FILTER);
            }
        }
        if (shared == null) {
            // An empty query: the engine's authorization checks limit it to what the viewer may see.
            shared = filters.saveFilter(filters.newTaskFilter(ALL_TASKS_FILTER)
                    .setQuery(tasks.createTaskQuery().orderByDueDate().asc())
                    .setProperties(Map.of("description", "Every task in every school, soonest due first",
                            "priority", 10, "refresh", true)));
            log.info("Created the Tasklist filter '{}'", ALL_TASKS_FILTER);
        }
        grant(EngineGroups.ADMINS, Resources.FILTER, shared.getId(), Permissions.READ);
    }

    private Filter sharedFilter(String name) {
        return filters.createFilterQuery().filterName(name).list().stream().filter(f -> f.getOwner() == null)
                .findFirst().orElse(null);
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission permission) {
        var authorization = find(groupId, resource, resourceId);
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        } else if (authorization.isPermissionGranted(permission)) {
            return;
        }
        authorization.addPermission(permission);
        authorizations.saveAuthorization(authorization);
        log.info("Granted group '{}' {} on {} '{}'", groupId, permission.getName(),
                resource.resourceName(), resourceId);
    }
}

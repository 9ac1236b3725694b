package org.reviewcycle.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.reviewcycle.staff.EngineGroups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The engine authorizations every installation needs, made once at start-up if missing.
 * Staff may use Tasklist and read the cycle's definitions (to show process names and forms); their
 * "My tasks" filter is their own (PersonalTaskFilters). Admins (of a school or of the trust) may
 * use Cockpit on their schools' reviews ({@link #SCHOOL_ADMINS}); trust admins may do everything
 * but read a colleague's filters. Both have the shared "All tasks in my schools" filter, which
 * shows each what they may see, and may make filters of their own; nobody lands on someone else's
 * list. What staff may ask of the engine at all is
 * {@link StaffCommandGuard}'s. Which tasks a person sees is not granted here: the engine grants the
 * assignee and the candidate users and groups of each task its rights on that task, so a teacher
 * sees their own tasks and those offered to their groups, and nothing of the head's. Which school
 * is not granted here either: every grant is on all resources of a type, and the engine's tenant
 * check shows each person their own school's only (a school is a tenant; StaffMapper.xml says who
 * belongs to it). Trust admins are also engine administrators ({@link EngineSecurityPlugin}), to
 * whom neither check applies.
 */
@Component
class EngineAuthorizations {

    /**
     * Every task the viewer may see: for admins, every task of the schools they administer (a
     * school admin's one school, a trust admin's every school), as the engine's tenant check allows.
     */
    static final String ALL_TASKS_FILTER = "All tasks in my schools";
    /** What {@link #ALL_TASKS_FILTER} was called before, newest first: renamed at the start. */
    private static final List<String> ALL_TASKS_FILTER_BEFORE = List.of("All tasks in every school", "All tasks");

    private static final String ALL_TASKS_DESCRIPTION = "Every task of the schools you administer, soonest due first";

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
        for (Resources resource : Resources.values()) {
            grantTrustAdmins(resource);
            grantExactly(EngineGroups.ADMINS, resource, SCHOOL_ADMINS.getOrDefault(resource, Set.of()));
        }
        grant(EngineGroups.ADMINS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    }

    /**
     * What Camunda's first-run setup would give its admin group, given to the trust admins (who are
     * also the engine's administrators, {@link EngineSecurityPlugin}), but for the users, groups and
     * tenants: they are the staff and school tables, changed in ReviewCycle (read-only in the
     * engine), so Camunda Admin offers no "create", "update" or "delete".
     */
    private void grantTrustAdmins(Resources resource) {
        if (resource == Resources.FILTER) {
            // a colleague's "My tasks" is theirs alone; the shared filter is granted by id
            grantOnly(EngineGroups.TRUST_ADMINS, resource, Permissions.CREATE);
        } else if (STAFF_DIRECTORY.contains(resource)) {
            grantOnly(EngineGroups.TRUST_ADMINS, resource, Permissions.READ);
        } else if (STAFF_MEMBERSHIPS.contains(resource)) {
            revoke(EngineGroups.TRUST_ADMINS, resource);
        } else {
            grant(EngineGroups.TRUST_ADMINS, resource, ANY, Permissions.ALL);
        }
    }

    /**
     * What every admin, a school's as well as the trust's, may do in Cockpit and through the API: read
     * and operate the reviews (definitions, instances, their tasks and history, decisions), deploy a
     * new version of the model (StaffCommandGuard keeps a school admin's deployment in their school).
     * Granted on every resource of the type: the engine's tenant check then limits a school admin to
     * their own school's. Nothing on authorizations, batches (which span tenants) or the system;
     * Cockpit itself by id, Camunda Admin not at all.
     */
    static final Map<Resources, Set<Permission>> SCHOOL_ADMINS = Map.ofEntries(
            Map.entry(Resources.PROCESS_DEFINITION, Set.of(Permissions.ALL)),
            Map.entry(Resources.PROCESS_INSTANCE, Set.of(Permissions.ALL)),
            Map.entry(Resources.TASK, Set.of(Permissions.ALL)),
            Map.entry(Resources.HISTORIC_PROCESS_INSTANCE, Set.of(Permissions.ALL)),
            Map.entry(Resources.HISTORIC_TASK, Set.of(Permissions.ALL)),
            Map.entry(Resources.DECISION_DEFINITION, Set.of(Permissions.ALL)),
            Map.entry(Resources.DECISION_REQUIREMENTS_DEFINITION, Set.of(Permissions.ALL)),
            Map.entry(Resources.DEPLOYMENT, Set.of(Permissions.READ, Permissions.CREATE)),
            Map.entry(Resources.USER, Set.of(Permissions.READ)),
            Map.entry(Resources.GROUP, Set.of(Permissions.READ)),
            Map.entry(Resources.TENANT, Set.of(Permissions.READ)),
            // a colleague's "My tasks" is theirs alone; the shared filter is granted by id
            Map.entry(Resources.FILTER, Set.of(Permissions.CREATE)));

    /** The engine resources that our staff tables are: read-only for everyone... */
    static final Set<Resources> STAFF_DIRECTORY = EnumSet.of(Resources.USER, Resources.GROUP, Resources.TENANT);
    /** ...and memberships, which the engine knows only as something to create or delete: for nobody. */
    static final Set<Resources> STAFF_MEMBERSHIPS = EnumSet.of(Resources.GROUP_MEMBERSHIP,
            Resources.TENANT_MEMBERSHIP);

    /**
     * Makes the group's grant on every resource of the type exactly {@code permissions}: taking back
     * whatever an earlier version granted beyond them (before tenants, school admins had everything).
     */
    private void grantExactly(String groupId, Resource resource, Set<Permission> permissions) {
        if (permissions.isEmpty()) {
            revoke(groupId, resource);
            return;
        }
        int wanted = permissions.stream().mapToInt(Permission::getValue).reduce(0, (a, b) -> a | b);
        var authorization = find(groupId, resource, ANY);
        if (authorization == null) {
            authorization = newGrant(groupId, resource, ANY);
        } else if (((AuthorizationEntity) authorization).getPermissions() == wanted) {
            return;
        }
        ((AuthorizationEntity) authorization).setPermissions(wanted);
        authorizations.saveAuthorization(authorization);
        log.info("Group '{}' may now {} on {}", groupId,
                permissions.stream().map(Permission::getName).sorted().toList(), resource.resourceName());
    }

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
        for (String before : ALL_TASKS_FILTER_BEFORE) {
            Filter old = shared == null ? sharedFilter(before) : null;
            if (old != null) {
                shared = filters.saveFilter(old.setName(ALL_TASKS_FILTER)
                        .setProperties(Map.of("description", ALL_TASKS_DESCRIPTION, "priority", 10, "refresh", true)));
                log.info("Renamed the Tasklist filter '{}' to '{}'", before, ALL_TASKS_FILTER);
            }
        }
        if (shared == null) {
            // An empty query: the engine's authorization checks limit it to what the viewer may see.
            shared = filters.saveFilter(filters.newTaskFilter(ALL_TASKS_FILTER)
                    .setQuery(tasks.createTaskQuery().orderByDueDate().asc())
                    .setProperties(Map.of("description", ALL_TASKS_DESCRIPTION,
                            "priority", 10, "refresh", true)));
            log.info("Created the Tasklist filter '{}'", ALL_TASKS_FILTER);
        }
        grant(EngineGroups.ADMINS, Resources.FILTER, shared.getId(), Permissions.READ);
        grant(EngineGroups.TRUST_ADMINS, Resources.FILTER, shared.getId(), Permissions.READ);
    }

    private Filter sharedFilter(String name) {
        return filters.createFilterQuery().filterName(name).list().stream().filter(f -> f.getOwner() == null)
                .findFirst().orElse(null);
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission permission) {
        var authorization = find(groupId, resource, resourceId);
        if (authorization == null) {
            authorization = newGrant(groupId, resource, resourceId);
        } else if (authorization.isPermissionGranted(permission)) {
            return;
        }
        authorization.addPermission(permission);
        authorizations.saveAuthorization(authorization);
        log.info("Granted group '{}' {} on {} '{}'", groupId, permission.getName(),
                resource.resourceName(), resourceId);
    }

    private org.camunda.bpm.engine.authorization.Authorization newGrant(String groupId, Resource resource,
            String resourceId) {
        var authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        return authorization;
    }
}

package org.reviewcycle.staff;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.Direction;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;

/**
 * Turns the engine's user and group queries into {@link DirectoryQuery}. Sorting is translated
 * through fixed maps of the engine's property names to our columns, so nothing from a request
 * reaches the SQL text.
 */
final class DirectoryQueries {

    private static final Map<String, String> USER_COLUMNS = Map.of(
            "ID_", "s.username", "FIRST_", "s.first_name", "LAST_", "s.last_name", "EMAIL_", "s.email");
    private static final Map<String, String> GROUP_COLUMNS = Map.of("ID_", "g.id", "NAME_", "g.name", "TYPE_", "g.type");
    private static final Map<String, String> TENANT_COLUMNS = Map.of("ID_", "sc.code", "NAME_", "sc.name");

    private DirectoryQueries() {
    }

    static DirectoryQuery users(StaffUserQuery q) {
        return new DirectoryQuery(q.getId(), list(q.getIds()), q.getFirstName(), q.getFirstNameLike(), q.getLastName(),
                q.getLastNameLike(), q.getEmail(), q.getEmailLike(), q.getGroupId(), null, null, null, null, null,
                orderBy(q, USER_COLUMNS, "s.username"), q.getFirstResult(), maxResults(q), null, q.getTenantId());
    }

    static DirectoryQuery groups(StaffGroupQuery q) {
        return new DirectoryQuery(null, null, null, null, null, null, null, null, q.getId(), list(q.getIds()),
                q.getName(), q.getNameLike(), q.getType(), q.getUserId(),
                orderBy(q, GROUP_COLUMNS, "g.id"), q.getFirstResult(), maxResults(q), null, q.getTenantId());
    }

    /** Includes the groups of the user or not: a person's groups are all of their own school, so it is the same answer. */
    static TenantDirectoryQuery tenants(StaffTenantQuery q) {
        return new TenantDirectoryQuery(q.getId(), list(q.getIds()), q.getName(), q.getNameLike(), q.getUserId(),
                q.getGroupId(), orderBy(q, TENANT_COLUMNS, "sc.code"), q.getFirstResult(), maxResults(q), null);
    }

    static TenantDirectoryQuery tenant(String tenantId) {
        return new TenantDirectoryQuery(tenantId, null, null, null, null, null, "sc.code", null, null, null);
    }

    static DirectoryQuery groupsOf(String username) {
        return new DirectoryQuery(null, null, null, null, null, null, null, null, null, null, null, null, null,
                username, "g.id", null, null, null);
    }

    static DirectoryQuery user(String username) {
        return new DirectoryQuery(username, null, null, null, null, null, null, null, null, null, null, null, null,
                null, "s.username", null, null, null);
    }

    static DirectoryQuery group(String groupId) {
        return new DirectoryQuery(null, null, null, null, null, null, null, null, groupId, null, null, null, null,
                null, "g.id", null, null, null);
    }

    private static List<String> list(String[] ids) {
        return ids == null ? null : Arrays.asList(ids);
    }

    private static Integer maxResults(AbstractQuery<?, ?> q) {
        return q.getMaxResults() == Integer.MAX_VALUE ? null : q.getMaxResults();
    }

    private static String orderBy(AbstractQuery<?, ?> q, Map<String, String> columns, String tieBreaker) {
        String ordering = q.getOrderingProperties().stream()
                .filter(p -> columns.containsKey(p.getQueryProperty().getName()))
                .map(p -> columns.get(p.getQueryProperty().getName()) + direction(p))
                .collect(Collectors.joining(", "));
        return ordering.isEmpty() ? tieBreaker : ordering + ", " + tieBreaker;
    }

    private static String direction(QueryOrderingProperty property) {
        return Direction.DESCENDING.equals(property.getDirection()) ? " desc" : " asc";
    }
}

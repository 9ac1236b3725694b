package org.reviewcycle.staff;

import java.util.List;

/**
 * The criteria of a Camunda tenant query, in the names that {@code StaffMapper.xml} reads. Unset
 * criteria are null; {@code orderBy} is a column list the mapper knows. {@code viewer}, when set,
 * limits the answer to the viewer's own school.
 */
record TenantDirectoryQuery(String tenantId, List<String> tenantIds, String name, String nameLike,
        String memberUsername, String memberGroupId, String orderBy, Integer firstResult, Integer maxResults,
        String viewer) {

    TenantDirectoryQuery seenBy(String viewer) {
        return new TenantDirectoryQuery(tenantId, tenantIds, name, nameLike, memberUsername, memberGroupId, orderBy,
                firstResult, maxResults, viewer);
    }
}

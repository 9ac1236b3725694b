package org.reviewcycle.staff;

import java.util.List;

/**
 * The criteria of a Camunda user or group query, copied out of the engine's query object into the
 * names that {@code StaffMapper.xml} reads. Unset criteria are null. {@code orderBy} is one of the
 * column lists the mapper knows; never text from a request. {@code viewer}, when set, limits the
 * answer to the people and groups of the viewer's own school; {@code tenantId}, when set, to the
 * members of that school's tenant.
 */
record DirectoryQuery(String userId, List<String> userIds, String firstName, String firstNameLike, String lastName,
        String lastNameLike, String email, String emailLike, String groupId, List<String> groupIds, String groupName,
        String groupNameLike, String groupType, String memberUsername, String orderBy, Integer firstResult,
        Integer maxResults, String viewer, String tenantId) {

    /** A query of any school's people and groups. */
    DirectoryQuery(String userId, List<String> userIds, String firstName, String firstNameLike, String lastName,
            String lastNameLike, String email, String emailLike, String groupId, List<String> groupIds,
            String groupName, String groupNameLike, String groupType, String memberUsername, String orderBy,
            Integer firstResult, Integer maxResults, String viewer) {
        this(userId, userIds, firstName, firstNameLike, lastName, lastNameLike, email, emailLike, groupId, groupIds,
                groupName, groupNameLike, groupType, memberUsername, orderBy, firstResult, maxResults, viewer, null);
    }

    /** The same query, answered for {@code viewer} (a username) from their own school only; null for all. */
    DirectoryQuery seenBy(String viewer) {
        return new DirectoryQuery(userId, userIds, firstName, firstNameLike, lastName, lastNameLike, email, emailLike,
                groupId, groupIds, groupName, groupNameLike, groupType, memberUsername, orderBy, firstResult,
                maxResults, viewer, tenantId);
    }
}

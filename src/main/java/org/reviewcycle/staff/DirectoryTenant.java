package org.reviewcycle.staff;

/** A tenant as the engine sees it: one school, its code the tenant id. */
record DirectoryTenant(String id, String name) {
}

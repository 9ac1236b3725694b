package org.reviewcycle.cycledesign;

import java.time.LocalDateTime;

/**
 * One version of the trust's default cycle (table trust_cycle_version): who published it (a
 * username here, a name on the pages), why, the file they changed, and the school whose staff its
 * dry run ran with. Version 1, the cycle as shipped, has no row.
 */
record TrustVersion(int version, String changedFile, String comment, String publishedBy, LocalDateTime publishedAt,
        Long dryRunSchool) {
}

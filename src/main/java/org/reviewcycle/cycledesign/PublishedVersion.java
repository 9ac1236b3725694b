package org.reviewcycle.cycledesign;

import java.time.LocalDateTime;

/** What we keep of a version published from an editor (table cycle_version); the engine keeps the rest. */
record PublishedVersion(String deploymentId, Long schoolId, String fileName, String comment, String publishedBy,
        LocalDateTime publishedAt) {
}

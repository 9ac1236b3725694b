package org.reviewcycle.cycledesign;

import java.time.LocalDateTime;

/**
 * One version of a school's cycle, as the versions page lists it: the process definition's version
 * number, when it was deployed, who published it (their name) and their comment, and the file they
 * changed; the versions deployed at start-up have neither who nor comment.
 */
public record CycleVersion(int version, String deploymentId, LocalDateTime deployedAt, String publishedBy, String comment,
        String changedFile, boolean current) {
}

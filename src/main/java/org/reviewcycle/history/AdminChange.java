package org.reviewcycle.history;

import java.time.LocalDateTime;

/**
 * One administrative change. {@code before} and {@code after} are JSON objects of field name to
 * value (null before a creation, after a removal); {@code subjectName} is the subject's name as it
 * was then. {@code staffId} is the person the change is about, if any.
 */
public record AdminChange(Long id, Long schoolId, Long staffId, String subjectType, Long subjectId, String subjectName,
        String action, String beforeValue, String afterValue, String changedBy, LocalDateTime changedAt) {
}

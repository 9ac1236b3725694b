package org.reviewcycle.school;

import java.time.LocalDate;

import org.apache.ibatis.annotations.AutomapConstructor;

/**
 * A school. {@code code} is short and stable: it names the school's groups and its tenant in the
 * engine. A school with {@code closedOn} set keeps its records but starts no more reviews.
 */
public record School(Long id, String code, String name, LocalDate closedOn) {

    /** The constructor MyBatis maps rows with. */
    @AutomapConstructor
    public School {
    }

    public School(Long id, String code, String name) {
        this(id, code, name, null);
    }

    public boolean closed() {
        return closedOn != null;
    }
}

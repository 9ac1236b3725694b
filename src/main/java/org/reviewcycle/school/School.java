package org.reviewcycle.school;

/** A school. {@code code} is short and stable: it names the school's groups in the engine. */
public record School(Long id, String code, String name) {
}

package org.reviewcycle.staff;

/** A team in a school with its leader; its members share the engine group {@code team-<school>-<code>}. */
public record Team(Long id, Long schoolId, String code, String name, Long leaderId) {
}

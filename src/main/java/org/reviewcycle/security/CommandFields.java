package org.reviewcycle.security;

import java.lang.reflect.Field;

/**
 * What our engine guards read from Camunda's command objects: the task, the user, the values a
 * command carries, which Camunda 7.24 keeps in fields with no getters. A field that a later Camunda
 * version renames stops the application at start-up with the guard's name, never silently.
 */
final class CommandFields {

    private CommandFields() {
    }

    /** The declared field {@code name} of {@code type}, made readable; {@code guard} names who needs it. */
    static Field field(Class<?> type, String name, String guard) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(type.getName() + " has changed: the " + guard + " cannot find its field '"
                    + name + "'", e);
        }
    }

    static Object read(Field field, Object command) {
        try {
            return field.get(command);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read " + field + " of the engine command "
                    + command.getClass().getName(), e);
        }
    }
}

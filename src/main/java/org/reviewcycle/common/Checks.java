package org.reviewcycle.common;

/** Input checks whose messages name the field, so that a person can correct what they typed. */
public final class Checks {

    private Checks() {
    }

    /** The stripped text, or an {@link IllegalArgumentException} naming {@code field}. */
    public static String requireText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        String text = value.strip();
        if (text.length() > maxLength) {
            throw new IllegalArgumentException(field + " is " + text.length()
                    + " characters long; at most " + maxLength + " fit");
        }
        return text;
    }

    /** The stripped text, null when blank, or an {@link IllegalArgumentException} when too long. */
    public static String optionalText(String field, String value, int maxLength) {
        return value == null || value.isBlank() ? null : requireText(field, value, maxLength);
    }
}

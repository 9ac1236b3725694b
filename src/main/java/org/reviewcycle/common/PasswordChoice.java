package org.reviewcycle.common;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The rules for a password someone chooses: one a member of staff or a governor chooses for themselves, one an
 * admin gives. At least {@value #MIN_LENGTH} characters, and no more than bcrypt reads ({@value #MAX_BYTES}
 * bytes: 72 plain letters, fewer with accented letters or symbols).
 */
public final class PasswordChoice {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_BYTES = 72;

    private PasswordChoice() {
    }

    /**
     * What is wrong with {@code password} as a new password, in a sentence that starts with {@code what}
     * ("The password", "The new password"), or null when nothing is.
     */
    public static String problemWith(String password, String what) {
        if (password == null || password.length() < MIN_LENGTH) {
            return what + " must be at least " + MIN_LENGTH + " characters long";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return what + " must be at most " + MAX_BYTES + " characters long (fewer with accented letters or symbols)";
        }
        return null;
    }

    /**
     * A person changing their own password: {@code current} must be the one they log in with ({@code currentHash}),
     * the new one must follow the rules, differ from the current one and be typed the same twice. Every problem is
     * named by its form field ({@code current}, {@code password}, {@code repeated}); nothing is wrong when this
     * returns.
     */
    public static void checkChange(PasswordEncoder encoder, String currentHash, String current, String replacement,
            String repeated) {
        var problems = new LinkedHashMap<String, String>();
        if (current == null || currentHash == null || currentHash.isEmpty() || !encoder.matches(current, currentHash)) {
            problems.put("current", "That is not your current password");
        }
        String problem = problemWith(replacement, "The new password");
        if (problem != null) {
            problems.put("password", problem);
        } else if (replacement.equals(current)) {
            problems.put("password", "The new password must differ from the current one");
        } else if (!replacement.equals(repeated)) {
            problems.put("repeated", "The two new passwords differ: type the same one twice");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }
}

package org.reviewcycle.staff;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Usernames for new people, made from their email ("j.smith@school.org" becomes "j.smith"), unique
 * among every username already taken and those handed out before ("j.smith2" for a second J Smith).
 */
final class Usernames {

    private static final int MAX = 60;

    private final Set<String> taken;

    Usernames(Iterable<String> taken) {
        this.taken = new HashSet<>();
        taken.forEach(this.taken::add);
    }

    /** The username an email gives before any number is added to make it unique. */
    static String base(String email) {
        String local = email.substring(0, Math.max(email.indexOf('@'), 0)).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9._-]", ".").replaceAll("^[^a-z0-9]+", "");
        return local.isEmpty() ? "staff" : local.substring(0, Math.min(local.length(), MAX));
    }

    String from(String email) {
        String base = base(email);
        String name = base;
        for (int n = 2; !taken.add(name); n++) {
            name = base + n;
        }
        return name;
    }
}

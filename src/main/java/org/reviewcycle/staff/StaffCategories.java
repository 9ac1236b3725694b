package org.reviewcycle.staff;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Our staff category for the words a school's MIS uses for a role ("Class Teacher (MPS)", "HLTA",
 * "Midday Supervisor"), where they say it clearly; otherwise none, and the row is reported so that
 * the school adds a Category column with one of our categories. Our own names and labels
 * ("Teacher (UPS 2)", "TEACHER_UPS2") always match. Order matters: "Deputy Headteacher" is a deputy,
 * "Higher Level Teaching Assistant" an HLTA before it is a teaching assistant.
 */
final class StaffCategories {

    private record Rule(Pattern words, StaffCategory category) {
    }

    private static final Rule[] RULES = {
            rule("assistant head", null),
            rule("deputy", StaffCategory.DEPUTY_HEAD),
            rule("head ?teacher|head ?master|head ?mistress|principal|head of school", StaffCategory.HEADTEACHER),
            rule("hlta|higher level teaching assistant", StaffCategory.HLTA),
            rule("teaching assistant|\\bta\\b|learning support assistant|\\blsa\\b|classroom assistant",
                    StaffCategory.TEACHING_ASSISTANT),
            rule("learning mentor", StaffCategory.LEARNING_MENTOR),
            rule("kitchen|\\bcook\\b|catering manager", StaffCategory.KITCHEN_MANAGER),
            rule("ups ?3", StaffCategory.TEACHER_UPS3),
            rule("ups ?2", StaffCategory.TEACHER_UPS2),
            rule("ups ?1|\\bups\\b", StaffCategory.TEACHER_UPS1),
            rule("\\btlr\\b", StaffCategory.TEACHER_TLR),
            rule("(early years|eyfs|nursery|reception).*teacher|teacher.*(early years|eyfs|nursery|reception)",
                    StaffCategory.EARLY_YEARS_TEACHER),
            rule("teacher|\\bmp[srg]\\b", StaffCategory.TEACHER_MPG),
            rule("administrator|administration|admin officer|office manager|business manager|bursar|receptionist"
                    + "|clerk|finance officer", StaffCategory.ADMINISTRATOR),
            rule("midday|lunchtime|caretaker|site manager|cleaner|welfare|premises|technician",
                    StaffCategory.OTHER_SUPPORT_STAFF)};

    private StaffCategories() {
    }

    static Optional<StaffCategory> of(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String words = text.strip().toLowerCase(Locale.ROOT);
        var ours = Arrays.stream(StaffCategory.values())
                .filter(c -> c.name().equalsIgnoreCase(words) || c.label().equalsIgnoreCase(words)).findFirst();
        if (ours.isPresent()) {
            return ours;
        }
        for (Rule rule : RULES) {
            if (rule.words().matcher(words).find()) {
                return Optional.ofNullable(rule.category());
            }
        }
        return Optional.empty();
    }

    private static Rule rule(String words, StaffCategory category) {
        return new Rule(Pattern.compile(words), category);
    }
}

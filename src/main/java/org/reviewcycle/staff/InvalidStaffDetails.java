package org.reviewcycle.staff;

import java.util.Map;

/**
 * Refuses what was entered for a member of staff, with a sentence for each field that is wrong
 * (field name as in {@link StaffDetails}), so that a page shows each beside its field.
 */
public class InvalidStaffDetails extends IllegalArgumentException {

    private final transient Map<String, String> errors;

    InvalidStaffDetails(Map<String, String> errors) {
        super(String.join(" ", errors.values()));
        this.errors = Map.copyOf(errors);
    }

    public Map<String, String> errors() {
        return errors;
    }
}

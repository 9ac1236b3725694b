package org.reviewcycle.staff;

import java.util.Locale;

/**
 * What the staff page asks for: {@code text} in a name, staff number or email; a category, team or
 * reviewer; only those with no reviewer; leavers instead of current staff. Pages of {@link #PAGE_SIZE}.
 */
public record StaffSearch(long schoolId, String text, StaffCategory category, Long teamId, Long reviewerId,
        boolean noReviewer, boolean leavers, int page) {

    public static final int PAGE_SIZE = 50;

    public StaffSearch {
        text = text == null || text.isBlank() ? null
                : "%" + text.strip().toLowerCase(Locale.ROOT).replace("\\", "").replace("%", "").replace("_", "\\_") + "%";
        page = Math.max(page, 0);
    }

    public int limit() {
        return PAGE_SIZE;
    }

    public int offset() {
        return page * PAGE_SIZE;
    }
}

package org.reviewcycle.record;

import java.time.LocalDate;
import java.util.Optional;

import org.reviewcycle.staff.StaffCategory;
import org.reviewcycle.staff.StaffMember;
import org.springframework.stereotype.Component;

/**
 * Who may read a review's record, the one place that says so (issue 12; issue 14's record page reads by it):
 * <ul>
 * <li>the reviewee;</li>
 * <li>their reviewer in that review;</li>
 * <li>the head of the review's school, and that school's administrators: the staff of that school marked
 * administrator. Being a trust admin opens no school's records (issue 14: governors and the trust see
 * aggregates only, on the dashboards); a trust admin reads only where they are also on the school's staff
 * as its administrator;</li>
 * <li>only when the trust allows it ("past reviews follow staff who move"), the head of the school the
 * reviewee works at now, for reviews they had at another school of the trust.</li>
 * </ul>
 * Nobody else: not a colleague, not another school's head or admin. The reader must be working today (a
 * leaver, or someone marked inactive, reads nothing). The facts are the staff records as they are now, so a
 * head who moves on stops reading their old school's reviews the day they move.
 * <p>
 * The pay recommendation in a record is for fewer people ({@link #seesPay}): the reviewee, the reviewer, the
 * head of the review's school, and the administrators the school names as its pay readers.
 */
@Component
public class RecordAccess {

    /** Why a reader may read a review; the last is the trust setting's, which the history records. */
    public enum Grant {
        REVIEWEE, REVIEWER, HEAD_OF_SCHOOL, ADMIN_OF_SCHOOL, HEAD_OF_SCHOOL_MOVED_TO
    }

    /**
     * Why {@code reader} may read {@code review} of {@code reviewee} (the reviewee's record as it is now), or
     * empty when they may not. {@code pastReviewsFollowMovers} is the trust's setting.
     */
    public Optional<Grant> grant(StaffMember reader, PastReview review, StaffMember reviewee,
            boolean pastReviewsFollowMovers) {
        if (reader == null || !working(reader) || !review.staffId().equals(reviewee.id())) {
            return Optional.empty();
        }
        if (reader.id().equals(reviewee.id())) {
            return Optional.of(Grant.REVIEWEE);
        }
        if (reader.id().equals(review.reviewerId()) && reader.schoolId().equals(review.schoolId())) {
            // a reviewer who has moved on to another school no longer reads the reviews they held there
            return Optional.of(Grant.REVIEWER);
        }
        if (headOf(reader, review.schoolId())) {
            return Optional.of(Grant.HEAD_OF_SCHOOL);
        }
        if (reader.administrator() && reader.schoolId().equals(review.schoolId())) {
            return Optional.of(Grant.ADMIN_OF_SCHOOL);
        }
        if (pastReviewsFollowMovers && !reviewee.schoolId().equals(review.schoolId())
                && headOf(reader, reviewee.schoolId())) {
            return Optional.of(Grant.HEAD_OF_SCHOOL_MOVED_TO);
        }
        return Optional.empty();
    }

    /**
     * Whether a reader whom {@link #grant} let in by {@code grant} also sees the pay recommendation;
     * {@code namedPayReader} says whether the review's school named them to read pay.
     */
    public boolean seesPay(Grant grant, boolean namedPayReader) {
        return switch (grant) {
            case REVIEWEE, REVIEWER, HEAD_OF_SCHOOL -> true;
            case ADMIN_OF_SCHOOL -> namedPayReader;
            // the pay decision is the review's school's, not the school they work at now
            case HEAD_OF_SCHOOL_MOVED_TO -> false;
        };
    }

    /**
     * Whether {@code reader} may act for a school's records as a whole (its cycle's zip of written reports, its
     * pay readers): the school's head and its administrators, working today. Not a trust admin as such.
     */
    public boolean answersForSchool(StaffMember reader, long schoolId) {
        return reader != null && working(reader) && reader.schoolId() == schoolId
                && (reader.category() == StaffCategory.HEADTEACHER || reader.administrator());
    }

    /** Whether {@code reader} names who reads the school's pay recommendations: its head, working there today. */
    public boolean namesPayReaders(StaffMember reader, long schoolId) {
        return reader != null && working(reader) && headOf(reader, schoolId);
    }

    private static boolean headOf(StaffMember reader, Long schoolId) {
        return reader.category() == StaffCategory.HEADTEACHER && reader.schoolId().equals(schoolId);
    }

    private static boolean working(StaffMember reader) {
        return reader.active() && (reader.leftOn() == null || !reader.leftOn().isBefore(LocalDate.now()));
    }
}

package org.reviewcycle.notification;

import org.reviewcycle.common.CurrentActor;
import org.reviewcycle.common.NotPermittedException;
import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How each member of staff wants their mail, on their own settings page ({@link MailPreferencePages}): an
 * email for each step as it is given to them (the default), or one email a day of everything waiting
 * ({@link DailyDigest}). A person changes only their own choice.
 */
@Service
@Transactional
public class MailPreferences {

    /** What the page shows: who they are and what they chose. */
    public record MyMail(StaffMember me, boolean dailyDigest) {
    }

    private final MailPreferenceMapper preferences;
    private final StaffService staff;
    private final CurrentActor actor;

    MailPreferences(MailPreferenceMapper preferences, StaffService staff, CurrentActor actor) {
        this.preferences = preferences;
        this.staff = staff;
        this.actor = actor;
    }

    @Transactional(readOnly = true)
    public MyMail mine() {
        StaffMember me = me();
        return new MyMail(me, preferences.selectDailyDigest(me.id()));
    }

    public void choose(boolean dailyDigest) {
        StaffMember me = me();
        if (preferences.update(me.id(), dailyDigest, me.username()) == 0) {
            try {
                preferences.insert(me.id(), dailyDigest, me.username());
            } catch (org.springframework.dao.DuplicateKeyException savedMeanwhile) {
                preferences.update(me.id(), dailyDigest, me.username());
            }
        }
    }

    @Transactional(readOnly = true)
    public boolean wantsDailyDigest(long staffId) {
        return preferences.selectDailyDigest(staffId);
    }

    private StaffMember me() {
        return staff.findByUsername(actor.username()).orElseThrow(() -> new NotPermittedException(
                "Email settings are for members of staff; this login is not one."));
    }
}

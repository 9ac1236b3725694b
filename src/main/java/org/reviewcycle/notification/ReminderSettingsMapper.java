package org.reviewcycle.notification;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** SQL in ReminderSettingsMapper.xml: a school's reminders and escalation (school_mail_settings, V18). */
@Mapper
interface ReminderSettingsMapper {

    /** The school's row, or null when it has the defaults. */
    StoredReminderSettings select(long schoolId);

    int update(@Param("schoolId") long schoolId, @Param("settings") ReminderSettings settings, @Param("by") String by);

    int insert(@Param("schoolId") long schoolId, @Param("settings") ReminderSettings settings, @Param("by") String by);

    /** A row as stored: the days before as text. */
    record StoredReminderSettings(String reminderDaysBefore, boolean remindOnDueDate, int lineManagerAfterDays,
            int headAfterDays) {
    }
}

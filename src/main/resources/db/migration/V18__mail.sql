-- Mail (notification): every email is first a row of mail_outbox, written in the transaction of the
-- step that causes it (a task given to someone, a reminder's timer, a digest), so that a step that
-- rolls back sends nothing. notification.OutboxSender sends the rows: it claims them with
-- SELECT ... FOR UPDATE SKIP LOCKED, so that with several nodes each email is sent once, retries with
-- a growing wait, and keeps what failed with the reason.
-- dedup_key: the same email written twice (a timer's job retried, two nodes writing the same digest)
-- is one row. status: WAITING (to send, at next_attempt_at or later), SENDING (claimed by claimed_by
-- until claimed_until: a node that dies leaves the claim to lapse), SENT, FAILED (given up; an
-- administrator may send it again).
create table mail_outbox (
    id              bigint auto_increment primary key,
    school_id       bigint        not null,
    recipient_id    bigint,
    to_address      varchar(254)  not null,
    kind            varchar(32)   not null,
    dedup_key       varchar(200),
    subject         varchar(300)  not null,
    text_body       mediumtext    not null,
    html_body       mediumtext    not null,
    status          varchar(16)   not null,
    attempts        int           not null,
    next_attempt_at datetime      not null,
    claimed_by      varchar(100),
    claimed_until   datetime,
    last_error      varchar(1000),
    created_at      datetime      not null,
    sent_at         datetime,
    constraint uk_mail_outbox_dedup unique (dedup_key),
    constraint fk_mail_outbox_school foreign key (school_id) references school (id),
    constraint fk_mail_outbox_recipient foreign key (recipient_id) references staff_member (id)
);
create index ix_mail_outbox_due on mail_outbox (status, next_attempt_at);
create index ix_mail_outbox_school on mail_outbox (school_id, status, created_at);

-- How a member of staff wants their mail (their own settings page): one email per task as it is
-- given to them (no row, or daily_digest false), or one email a day of everything waiting.
create table mail_preference (
    staff_id     bigint      not null primary key,
    daily_digest boolean     not null,
    updated_by   varchar(64) not null,
    updated_at   datetime    not null,
    constraint fk_mail_preference_staff foreign key (staff_id) references staff_member (id)
);

-- A school's reminders and escalation (its administrators change them; no row means the defaults):
-- reminder_days_before: whole days before a step's due date on which its person is reminded, e.g. '7,1';
-- remind_on_due_date: a reminder on the day itself; line_manager_after_days / head_after_days: how
-- many days overdue a step is when the reviewer's line manager, and then the head, are told.
create table school_mail_settings (
    school_id               bigint      not null primary key,
    reminder_days_before    varchar(40) not null,
    remind_on_due_date      boolean     not null,
    line_manager_after_days int         not null,
    head_after_days         int         not null,
    updated_by              varchar(64) not null,
    updated_at              datetime    not null,
    constraint fk_school_mail_settings_school foreign key (school_id) references school (id)
);

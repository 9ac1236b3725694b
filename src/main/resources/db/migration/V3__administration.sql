-- Administration in the browser (issue 12): trust and school admins, staff as the school's MIS knows
-- them, the trust's priorities, and the history of every administrative change.

-- A closed school keeps its records but starts no more reviews; its staff can no longer log in.
alter table school add column closed_on date;

-- staff_number: the school's MIS number, which matches people when a staff file is imported again
-- (unique within a school; null for people added by hand before they had one).
-- line_manager_id: who manages them day to day, told when their review steps are overdue.
-- started_on / left_on: a starter mid-cycle gets their own dates; a leaver gets no new review.
-- trust_admin: administers every school of the trust (administrator alone: their own school only).
alter table staff_member add column staff_number varchar(40);
alter table staff_member add column line_manager_id bigint;
alter table staff_member add column started_on date;
alter table staff_member add column left_on date;
alter table staff_member add column trust_admin boolean default false not null;
alter table staff_member add constraint uk_staff_member_school_number unique (school_id, staff_number);
alter table staff_member add constraint fk_staff_member_line_manager foreign key (line_manager_id) references staff_member (id);

-- The trust's priorities; a school's improvement priority names the trust priority it serves, if any.
create table trust_priority (
    id            bigint auto_increment primary key,
    code          varchar(20)   not null,
    title         varchar(300)  not null,
    description   varchar(1000) not null,
    created_by    varchar(64)   not null,
    created_at    datetime      not null,
    updated_by    varchar(64)   not null,
    updated_at    datetime      not null,
    constraint uk_trust_priority_code unique (code)
);
alter table school_priority add column trust_priority_id bigint;
alter table school_priority add constraint fk_school_priority_trust foreign key (trust_priority_id) references trust_priority (id);

-- Every administrative change: who, when, what it was about, and the values before and after
-- (a small JSON object of field name to value each; null before a creation and after a removal).
-- school_id is null for changes to the trust itself; staff_id names the person a change is about,
-- so that a person's history can be found; subject_name keeps the name as it was when changed.
create table admin_change (
    id            bigint auto_increment primary key,
    school_id     bigint,
    staff_id      bigint,
    subject_type  varchar(40)   not null,
    subject_id    bigint,
    subject_name  varchar(300)  not null,
    action        varchar(300)  not null,
    before_value  varchar(4000),
    after_value   varchar(4000),
    changed_by    varchar(64)   not null,
    changed_at    datetime      not null
);
create index ix_admin_change_school on admin_change (school_id, changed_at);
create index ix_admin_change_staff on admin_change (staff_id, changed_at);

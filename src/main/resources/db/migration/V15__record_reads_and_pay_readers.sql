-- The record people read (issue 14, package record).
--
-- record_read: every read of someone else's review record (the page, its PDF, the PDF in the school's
-- zip of a cycle's reports), written in the same request as the read. The reviewee sees it on their
-- record ("Who has read your record"); their own reads are not written. reader_role is why the reader
-- might read it (record.RecordAccess.Grant), so the reviewee sees "head of the school", not a guess.
create table record_read (
    id          bigint auto_increment primary key,
    review_id   bigint      not null,
    reader_id   bigint      not null,
    reader_role varchar(32) not null,
    what        varchar(16) not null,
    read_at     datetime    not null,
    constraint fk_record_read_review foreign key (review_id) references review (id),
    constraint fk_record_read_reader foreign key (reader_id) references staff_member (id)
);
create index ix_record_read_review on record_read (review_id, read_at);

-- pay_reader: the administrators a school names to read pay recommendations on the records they may
-- read (the reviewee, the reviewer and the head always see them; other administrators do not).
create table pay_reader (
    school_id  bigint      not null,
    staff_id   bigint      not null,
    created_by varchar(64) not null,
    created_at datetime    not null,
    constraint pk_pay_reader primary key (school_id, staff_id),
    constraint fk_pay_reader_school foreign key (school_id) references school (id),
    constraint fk_pay_reader_staff foreign key (staff_id) references staff_member (id)
);

-- Settings of the trust as a whole: one row (id 1), changed by a trust admin on the trust settings
-- page; the administration history keeps who changed what and when.
-- past_reviews_follow_movers: the head of the school a member of staff moved to may read the reviews
-- they had at their earlier schools of the trust (record.RecordAccess). Off until the trust decides.
create table trust_settings (
    id                         int          not null primary key,
    past_reviews_follow_movers boolean      not null,
    updated_by                 varchar(64)  not null,
    updated_at                 datetime     not null
);
insert into trust_settings (id, past_reviews_follow_movers, updated_by, updated_at)
values (1, false, 'system', current_timestamp);

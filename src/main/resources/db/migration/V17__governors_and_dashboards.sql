-- Dashboards (issue 14): school governors' logins, and what the dashboards' queries need.

-- A school governor: not a member of staff (no review, no task, not in the engine's directory), who
-- logs in to read their school's dashboard in aggregate. Added by the school's head or admins.
-- Usernames are unique across governors and staff (StaffMapper's username check reads this table too).
create table governor (
    id            bigint auto_increment primary key,
    school_id     bigint       not null,
    username      varchar(64)  not null,
    password_hash varchar(100) not null,
    first_name    varchar(100) not null,
    last_name     varchar(100) not null,
    email         varchar(254) not null,
    active        boolean      not null,
    created_by    varchar(64)  not null,
    created_at    datetime     not null,
    updated_by    varchar(64)  not null,
    updated_at    datetime     not null,
    constraint uk_governor_username unique (username),
    constraint fk_governor_school foreign key (school_id) references school (id)
);
create index ix_governor_school on governor (school_id, last_name, first_name);

-- The head's dashboard joins the engine's task history of the school (found by its tenant) to our reviews by
-- process instance. On MariaDB our ids and the engine's differ in collation (utf8mb4_general_ci against
-- utf8mb3_bin), so only an index on our side can serve that join: without it, the step times of one school
-- scanned every review of the trust for each of its tasks (DashboardBenchmark, 50,000 reviews).
create index ix_review_process_instance on review (process_instance_id);

-- Cycles and the launch (issue 12).

-- Milestone dates per staff category: the columns review_cycle had are the teachers' dates; teachers
-- also have a date their lesson observations are due by. Support staff have their own four dates
-- (no lesson observations). A new starter (started after their objectives deadline) agrees
-- objectives new_starter_weeks after they start; their other dates are their category's.
alter table review_cycle add column observations_by date;
alter table review_cycle add column support_objectives_agreed_by date;
alter table review_cycle add column support_mid_year_check_from date;
alter table review_cycle add column support_final_review_from date;
alter table review_cycle add column support_final_review_due date;
alter table review_cycle add column new_starter_weeks int default 6 not null;
update review_cycle
set observations_by = final_review_from,
    support_objectives_agreed_by = objectives_agreed_by,
    support_mid_year_check_from = mid_year_check_from,
    support_final_review_from = final_review_from,
    support_final_review_due = final_review_due;

-- A launch of a cycle, run in the background: RUNNING until every review is started (FINISHED),
-- an admin stops it (STOPPING until its current batch has committed, then STOPPED) or it fails
-- (FAILED, with the sentence why). heartbeat_at is written
-- with every batch; a RUNNING launch whose heartbeat is old was left by a node that stopped, and
-- one other node carries it on (the update that claims it succeeds on one node only).
create table cycle_launch (
    id              bigint auto_increment primary key,
    cycle_id        bigint        not null,
    state           varchar(16)   not null,
    to_start        int           default 0 not null,
    started         int           default 0 not null,
    already_running int           default 0 not null,
    failure         varchar(1000),
    started_by      varchar(64)   not null,
    started_at      datetime      not null,
    heartbeat_at    datetime      not null,
    finished_at     datetime,
    constraint fk_cycle_launch_cycle foreign key (cycle_id) references review_cycle (id)
);
create index ix_cycle_launch_cycle on cycle_launch (cycle_id, id);
create index ix_cycle_launch_state on cycle_launch (state, heartbeat_at);

-- Who a launch gave no review, and why, in words an admin can act on ("no reviewer yet").
create table launch_skip (
    launch_id     bigint        not null,
    staff_id      bigint        not null,
    reason        varchar(300)  not null,
    constraint pk_launch_skip primary key (launch_id, staff_id),
    constraint fk_launch_skip_launch foreign key (launch_id) references cycle_launch (id),
    constraint fk_launch_skip_staff foreign key (staff_id) references staff_member (id)
);

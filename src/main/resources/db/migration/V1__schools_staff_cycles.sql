-- ReviewCycle's own tables: the appraisal record. The engine's ACT_* tables are Camunda's.
-- Written once for H2 and MySQL 8 / MariaDB 10.11: plain types, named constraints, no vendor options.
-- Every row says who created it and who last changed it, and when (usernames, not foreign keys,
-- so that a record outlives the account that wrote it).

create table school (
    id            bigint auto_increment primary key,
    code          varchar(40)  not null,
    name          varchar(200) not null,
    created_by    varchar(64)  not null,
    created_at    datetime     not null,
    updated_by    varchar(64)  not null,
    updated_at    datetime     not null,
    constraint uk_school_code unique (code)
);

create table staff_member (
    id            bigint auto_increment primary key,
    school_id     bigint       not null,
    username      varchar(64)  not null,
    password_hash varchar(100) not null,
    first_name    varchar(100) not null,
    last_name     varchar(100) not null,
    email         varchar(254) not null,
    job_title     varchar(200) not null,
    category      varchar(32)  not null,
    active        boolean      not null,
    administrator boolean      not null,
    reviewer_id   bigint,
    created_by    varchar(64)  not null,
    created_at    datetime     not null,
    updated_by    varchar(64)  not null,
    updated_at    datetime     not null,
    constraint uk_staff_member_username unique (username),
    constraint fk_staff_member_school foreign key (school_id) references school (id),
    constraint fk_staff_member_reviewer foreign key (reviewer_id) references staff_member (id)
);
create index ix_staff_member_school on staff_member (school_id, last_name, first_name);

create table team (
    id            bigint auto_increment primary key,
    school_id     bigint       not null,
    code          varchar(40)  not null,
    name          varchar(200) not null,
    leader_id     bigint       not null,
    created_by    varchar(64)  not null,
    created_at    datetime     not null,
    updated_by    varchar(64)  not null,
    updated_at    datetime     not null,
    constraint uk_team_school_code unique (school_id, code),
    constraint fk_team_school foreign key (school_id) references school (id),
    constraint fk_team_leader foreign key (leader_id) references staff_member (id)
);

create table team_member (
    team_id       bigint       not null,
    staff_id      bigint       not null,
    created_by    varchar(64)  not null,
    created_at    datetime     not null,
    updated_by    varchar(64)  not null,
    updated_at    datetime     not null,
    constraint pk_team_member primary key (team_id, staff_id),
    constraint fk_team_member_team foreign key (team_id) references team (id),
    constraint fk_team_member_staff foreign key (staff_id) references staff_member (id)
);
create index ix_team_member_staff on team_member (staff_id);

create table school_priority (
    id                  bigint auto_increment primary key,
    school_id           bigint        not null,
    code                varchar(20)   not null,
    title               varchar(300)  not null,
    whole_school_target varchar(1000) not null,
    created_by          varchar(64)   not null,
    created_at          datetime      not null,
    updated_by          varchar(64)   not null,
    updated_at          datetime      not null,
    constraint uk_school_priority_code unique (school_id, code),
    constraint fk_school_priority_school foreign key (school_id) references school (id)
);

create table review_cycle (
    id                   bigint auto_increment primary key,
    school_id            bigint      not null,
    academic_year        varchar(7)  not null,
    objectives_agreed_by date        not null,
    mid_year_check_from  date        not null,
    final_review_from    date        not null,
    final_review_due     date        not null,
    state                varchar(16) not null,
    created_by           varchar(64) not null,
    created_at           datetime    not null,
    updated_by           varchar(64) not null,
    updated_at           datetime    not null,
    constraint uk_review_cycle_school_year unique (school_id, academic_year),
    constraint fk_review_cycle_school foreign key (school_id) references school (id)
);

create table review (
    id                  bigint auto_increment primary key,
    cycle_id            bigint      not null,
    staff_id            bigint      not null,
    reviewer_id         bigint      not null,
    state               varchar(24) not null,
    process_instance_id varchar(64),
    created_by          varchar(64) not null,
    created_at          datetime    not null,
    updated_by          varchar(64) not null,
    updated_at          datetime    not null,
    constraint uk_review_cycle_staff unique (cycle_id, staff_id),
    constraint fk_review_cycle foreign key (cycle_id) references review_cycle (id),
    constraint fk_review_staff foreign key (staff_id) references staff_member (id),
    constraint fk_review_reviewer foreign key (reviewer_id) references staff_member (id)
);
create index ix_review_reviewer on review (reviewer_id);

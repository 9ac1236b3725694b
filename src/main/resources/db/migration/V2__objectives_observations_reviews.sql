-- The record of each review: what was submitted at every step, never overwritten. A resubmission
-- (objectives returned by the head, a final review returned) is a new round; earlier rounds stay.

create table self_reflection (
    review_id          bigint        not null,
    strengths          varchar(2000),
    development_wishes varchar(2000),
    objective_ideas    varchar(2000),
    created_by         varchar(64)   not null,
    created_at         datetime      not null,
    updated_by         varchar(64)   not null,
    updated_at         datetime      not null,
    constraint pk_self_reflection primary key (review_id),
    constraint fk_self_reflection_review foreign key (review_id) references review (id)
);

-- One row per objective per round. team_id marks a joint objective, offered to every member of the team.
create table objective (
    id               bigint auto_increment primary key,
    review_id        bigint        not null,
    round            int           not null,
    position         int           not null,
    priority_id      bigint        not null,
    title            varchar(300)  not null,
    success_criteria varchar(2000) not null,
    evidence         varchar(2000) not null,
    cpd_support      varchar(2000),
    team_id          bigint,
    created_by       varchar(64)   not null,
    created_at       datetime      not null,
    updated_by       varchar(64)   not null,
    updated_at       datetime      not null,
    constraint uk_objective_position unique (review_id, round, position),
    constraint fk_objective_review foreign key (review_id) references review (id),
    constraint fk_objective_priority foreign key (priority_id) references school_priority (id),
    constraint fk_objective_team foreign key (team_id) references team (id)
);
create index ix_objective_team on objective (team_id);

-- The head's decisions on a round of objectives: approved, or returned with a reason.
create table objective_decision (
    id         bigint auto_increment primary key,
    review_id  bigint        not null,
    round      int           not null,
    decision   varchar(16)   not null,
    reason     varchar(2000),
    created_by varchar(64)   not null,
    created_at datetime      not null,
    updated_by varchar(64)   not null,
    updated_at datetime      not null,
    constraint uk_objective_decision_round unique (review_id, round),
    constraint fk_objective_decision_review foreign key (review_id) references review (id)
);

-- The reviewee's answer to approved objectives: acknowledged, or a disagreement with its reason.
create table objective_response (
    id         bigint auto_increment primary key,
    review_id  bigint        not null,
    round      int           not null,
    response   varchar(16)   not null,
    reason     varchar(2000),
    created_by varchar(64)   not null,
    created_at datetime      not null,
    updated_by varchar(64)   not null,
    updated_at datetime      not null,
    constraint uk_objective_response_round unique (review_id, round),
    constraint fk_objective_response_review foreign key (review_id) references review (id)
);

create table mid_year_check (
    id                 bigint auto_increment primary key,
    review_id          bigint        not null,
    overall_note       varchar(2000),
    objectives_changed boolean       not null,
    created_by         varchar(64)   not null,
    created_at         datetime      not null,
    updated_by         varchar(64)   not null,
    updated_at         datetime      not null,
    constraint uk_mid_year_check_review unique (review_id),
    constraint fk_mid_year_check_review foreign key (review_id) references review (id)
);

create table mid_year_progress (
    check_id     bigint        not null,
    objective_id bigint        not null,
    status       varchar(16)   not null,
    note         varchar(2000),
    created_by   varchar(64)   not null,
    created_at   datetime      not null,
    updated_by   varchar(64)   not null,
    updated_at   datetime      not null,
    constraint pk_mid_year_progress primary key (check_id, objective_id),
    constraint fk_mid_year_progress_check foreign key (check_id) references mid_year_check (id),
    constraint fk_mid_year_progress_objective foreign key (objective_id) references objective (id)
);

create table lesson_observation (
    id               bigint auto_increment primary key,
    review_id        bigint        not null,
    observer         varchar(64)   not null,
    observed_on      date          not null,
    judgement        varchar(24)   not null,
    strengths        varchar(2000) not null,
    areas_to_develop varchar(2000) not null,
    cpd_needs        varchar(2000),
    created_by       varchar(64)   not null,
    created_at       datetime      not null,
    updated_by       varchar(64)   not null,
    updated_at       datetime      not null,
    constraint fk_lesson_observation_review foreign key (review_id) references review (id)
);
create index ix_lesson_observation_review on lesson_observation (review_id);

create table observation_focus (
    observation_id bigint      not null,
    objective_id   bigint      not null,
    created_by     varchar(64) not null,
    created_at     datetime    not null,
    updated_by     varchar(64) not null,
    updated_at     datetime    not null,
    constraint pk_observation_focus primary key (observation_id, objective_id),
    constraint fk_observation_focus_observation foreign key (observation_id) references lesson_observation (id),
    constraint fk_observation_focus_objective foreign key (objective_id) references objective (id)
);

create table final_review (
    id                   bigint auto_increment primary key,
    review_id            bigint        not null,
    round                int           not null,
    impact_on_pupils     varchar(2000) not null,
    impact_on_practice   varchar(2000) not null,
    impact_on_colleagues varchar(2000) not null,
    cpd_undertaken       varchar(2000),
    cpd_impact           varchar(2000),
    development_needs    varchar(2000),
    pay_recommendation   varchar(16),
    pay_reason           varchar(2000),
    created_by           varchar(64)   not null,
    created_at           datetime      not null,
    updated_by           varchar(64)   not null,
    updated_at           datetime      not null,
    constraint uk_final_review_round unique (review_id, round),
    constraint fk_final_review_review foreign key (review_id) references review (id)
);

create table objective_outcome (
    final_review_id bigint        not null,
    objective_id    bigint        not null,
    outcome         varchar(16)   not null,
    evidence        varchar(2000) not null,
    created_by      varchar(64)   not null,
    created_at      datetime      not null,
    updated_by      varchar(64)   not null,
    updated_at      datetime      not null,
    constraint pk_objective_outcome primary key (final_review_id, objective_id),
    constraint fk_objective_outcome_final_review foreign key (final_review_id) references final_review (id),
    constraint fk_objective_outcome_objective foreign key (objective_id) references objective (id)
);

-- The reviewee's comments and signature on one round of the final review.
create table reviewee_sign_off (
    final_review_id bigint        not null,
    comments        varchar(2000),
    created_by      varchar(64)   not null,
    created_at      datetime      not null,
    updated_by      varchar(64)   not null,
    updated_at      datetime      not null,
    constraint pk_reviewee_sign_off primary key (final_review_id),
    constraint fk_reviewee_sign_off_final_review foreign key (final_review_id) references final_review (id)
);

-- The head's moderation of one round of the final review: signed off, or returned with a reason.
create table final_review_decision (
    final_review_id bigint        not null,
    decision        varchar(16)   not null,
    reason          varchar(2000),
    moderation_note varchar(2000),
    created_by      varchar(64)   not null,
    created_at      datetime      not null,
    updated_by      varchar(64)   not null,
    updated_at      datetime      not null,
    constraint pk_final_review_decision primary key (final_review_id),
    constraint fk_final_review_decision_final_review foreign key (final_review_id) references final_review (id)
);

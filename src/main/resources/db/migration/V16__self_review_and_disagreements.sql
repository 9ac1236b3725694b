-- Issue 14, the cycle changes the record needs: the reviewee's self-review before the final review,
-- a disagreement with the final review at the reviewee's sign-off, and the head's answer to each
-- disagreement (with the objectives or with the final review), all kept for the record.

-- The reviewee's self-review, written once, between the mid-year check and the final review.
create table self_review (
    review_id  bigint        not null,
    overall    varchar(2000),
    created_by varchar(64)   not null,
    created_at datetime      not null,
    updated_by varchar(64)   not null,
    updated_at datetime      not null,
    constraint pk_self_review primary key (review_id),
    constraint fk_self_review_review foreign key (review_id) references review (id)
);

-- What the reviewee achieved against one objective, and their evidence.
create table self_review_objective (
    review_id    bigint        not null,
    objective_id bigint        not null,
    achieved     varchar(2000) not null,
    evidence     varchar(2000),
    created_by   varchar(64)   not null,
    created_at   datetime      not null,
    updated_by   varchar(64)   not null,
    updated_at   datetime      not null,
    constraint pk_self_review_objective primary key (review_id, objective_id),
    constraint fk_self_review_objective_review foreign key (review_id) references self_review (review_id),
    constraint fk_self_review_objective_objective foreign key (objective_id) references objective (id)
);

-- Null when the reviewee signed in agreement; their reason when they signed and disagreed.
alter table reviewee_sign_off add column disagreement_reason varchar(2000);

-- The head's answer to a disagreement with one round of the objectives (objective_response) or of
-- the final review (reviewee_sign_off). For objectives, whether they stand or go back to the
-- planning meeting; null for a final review.
create table disagreement_answer (
    id               bigint auto_increment primary key,
    review_id        bigint        not null,
    subject          varchar(16)   not null,
    round            int           not null,
    response         varchar(2000) not null,
    objectives_stand boolean,
    created_by       varchar(64)   not null,
    created_at       datetime      not null,
    updated_by       varchar(64)   not null,
    updated_at       datetime      not null,
    constraint uk_disagreement_answer unique (review_id, subject, round),
    constraint fk_disagreement_answer_review foreign key (review_id) references review (id)
);

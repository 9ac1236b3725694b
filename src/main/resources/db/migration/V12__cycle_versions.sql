-- The versions of a school's cycle published from the editors (issue 13). The engine keeps each
-- version itself (a deployment for the school's tenant: the model, the review plan and the forms);
-- this keeps what the engine does not: who published it, their comment, and the file they changed.
-- The deployments made at start-up (the cycle as shipped) have no row.
create table cycle_version (
    deployment_id  varchar(64)   primary key,
    school_id      bigint        not null,
    file_name      varchar(200)  not null,
    comment        varchar(1000) not null,
    published_by   varchar(64)   not null,
    published_at   datetime      not null,
    constraint fk_cycle_version_school foreign key (school_id) references school (id)
);
create index ix_cycle_version_school on cycle_version (school_id, published_at);

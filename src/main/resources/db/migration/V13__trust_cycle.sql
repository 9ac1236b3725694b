-- The trust's default cycle and where each school's cycle comes from (issue 13).
-- The trust's own versions are rows here, never engine deployments: a deployment without a tenant
-- could start reviews for no school, rows cannot start anything. Version 1 is the cycle as shipped
-- (bpmn/ and forms/, no row); each version published by a trust admin holds every file of the cycle.
create table trust_cycle_version (
    version        int           primary key,
    changed_file   varchar(200)  not null,
    comment        varchar(1000) not null,
    published_by   varchar(64)   not null,
    published_at   datetime      not null,
    dry_run_school bigint        not null,
    constraint fk_trust_cycle_version_school foreign key (dry_run_school) references school (id)
);
create table trust_cycle_file (
    version    int           not null,
    file_name  varchar(200)  not null,
    content    mediumtext    not null,
    primary key (version, file_name),
    constraint fk_trust_cycle_file_version foreign key (version) references trust_cycle_version (version)
);
-- A school follows the trust's default (it adopted trust_version, and is offered each newer one) or
-- keeps its own copy (follows_trust false: the trust's versions no longer reach it). No row: the
-- school still runs what it was given (see cycledesign.CycleSource).
create table school_cycle_source (
    school_id      bigint   primary key,
    follows_trust  boolean  not null,
    trust_version  int      null,
    constraint fk_school_cycle_source_school foreign key (school_id) references school (id)
);

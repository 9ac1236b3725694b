-- Moving running reviews onto another version of the school's cycle (issue 13, migration.ReviewMigrations).
-- The engine runs each move as a batch and forgets the batch once it is done; this keeps who moved
-- which reviews, from which version to which, and when, so the page can still say so afterwards.
create table review_migration (
    id                   bigint auto_increment primary key,
    school_id            bigint       not null,
    target_version       int          not null,
    target_definition_id varchar(64)  not null,
    chosen_step          varchar(255),
    review_count         int          not null,
    left_count           int          not null,
    started_by           varchar(64)  not null,
    started_at           datetime     not null,
    constraint fk_review_migration_school foreign key (school_id) references school (id)
);
create index ix_review_migration_school on review_migration (school_id, started_at);

-- One engine batch per version the reviews were on (a migration plan has one source version).
create table review_migration_batch (
    migration_id         bigint       not null,
    batch_id             varchar(64)  not null,
    source_version       int          not null,
    primary key (migration_id, batch_id),
    constraint fk_review_migration_batch foreign key (migration_id) references review_migration (id)
);

-- The reviews sent to be moved: the process instance keeps its id when it is migrated.
create table review_migration_review (
    migration_id         bigint       not null,
    review_id            bigint       not null,
    process_instance_id  varchar(64)  not null,
    source_version       int          not null,
    primary key (migration_id, review_id),
    constraint fk_review_migration_review foreign key (migration_id) references review_migration (id),
    constraint fk_review_migration_review_review foreign key (review_id) references review (id)
);

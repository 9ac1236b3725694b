-- Joint objectives a team's leader proposes for the team, for one cycle, before the planning
-- meetings (issue 12). Each member's planning meeting of that cycle offers them; an objective taken
-- from one keeps the link (objective.team_objective_id). A withdrawn proposal is no longer offered;
-- it is kept, so that the objectives agreed from it still say where they came from.
create table team_objective (
    id               bigint auto_increment primary key,
    team_id          bigint        not null,
    cycle_id         bigint        not null,
    priority_id      bigint        not null,
    title            varchar(300)  not null,
    success_criteria varchar(2000) not null,
    evidence         varchar(2000) not null,
    withdrawn_by     varchar(64),
    withdrawn_at     datetime,
    created_by       varchar(64)   not null,
    created_at       datetime      not null,
    updated_by       varchar(64)   not null,
    updated_at       datetime      not null,
    constraint fk_team_objective_team foreign key (team_id) references team (id),
    constraint fk_team_objective_cycle foreign key (cycle_id) references review_cycle (id),
    constraint fk_team_objective_priority foreign key (priority_id) references school_priority (id)
);
create index ix_team_objective_team_cycle on team_objective (team_id, cycle_id);
create index ix_team_objective_cycle on team_objective (cycle_id);

alter table objective add column team_objective_id bigint;
create index ix_objective_team_objective on objective (team_objective_id);
alter table objective add constraint fk_objective_team_objective foreign key (team_objective_id) references team_objective (id);

-- A trust priority the trust no longer pursues is retired, not deleted: school priorities and
-- objectives of past years still name it. A retired one is offered to no new school priority.
alter table trust_priority add column retired_on date;

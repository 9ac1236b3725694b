-- A review can end before it is complete: its cycle was closed, the person left, the school left the
-- trust. The record is kept; the reason says why it stopped, in words a head can read.
alter table review add column end_reason varchar(300);
alter table review add column ended_at datetime;

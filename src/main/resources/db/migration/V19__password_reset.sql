-- Forgotten passwords (passwordreset): a member of staff asks on the login page for a link to choose a new
-- password; it is emailed to the address ReviewCycle holds for them. Only the SHA-256 of the link's random
-- token is kept, so this table cannot be used to reset anyone's password. A link works once, until
-- expires_at (an hour). Rows go with their member of staff.
create table password_reset (
    id          bigint auto_increment primary key,
    staff_id    bigint    not null,
    token_hash  char(64)  not null,
    created_at  datetime  not null,
    expires_at  datetime  not null,
    used_at     datetime,
    constraint uk_password_reset_token unique (token_hash),
    constraint fk_password_reset_staff foreign key (staff_id) references staff_member (id) on delete cascade
);
create index ix_password_reset_staff on password_reset (staff_id, created_at);

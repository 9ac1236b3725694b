-- Importing staff from the school's MIS (issue 12, "Import staff from the school's MIS").

-- An uploaded staff file, kept between the steps of an import (mapping, preview, import) in the
-- database, not in the session, so that any node of a cluster can take the next step. The content is
-- the file as uploaded (at most the upload limit, 5 MB). Uploads older than a day are deleted when
-- the next file is uploaded; the file is deleted once it has been imported.
create table staff_import_upload (
    id            bigint auto_increment primary key,
    school_id     bigint        not null,
    file_name     varchar(255)  not null,
    content       longblob      not null,
    mapping       varchar(4000),
    created_by    varchar(64)   not null,
    created_at    datetime      not null,
    constraint fk_staff_import_upload_school foreign key (school_id) references school (id)
);
create index ix_staff_import_upload_school on staff_import_upload (school_id, created_at);

-- The last mapping of file columns to our fields a school used (a small JSON object: field -> column
-- heading), offered again with next year's file.
create table staff_import_mapping (
    school_id     bigint        not null primary key,
    mapping       varchar(4000) not null,
    updated_by    varchar(64)   not null,
    updated_at    datetime      not null,
    constraint fk_staff_import_mapping_school foreign key (school_id) references school (id)
);

-- Staff searched by staff number and email on the staff page (name searches use ix_staff_member_school).
create index ix_staff_member_email on staff_member (school_id, email);

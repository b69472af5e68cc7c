-- The organisation's name and logo as an administrator set them (one row; absent until first saved, when the
-- name comes from AEGIS_ORGANISATION_NAME). Every report and the vendor portal show them.
create table organisation_profile (
    id              smallint     primary key default 1 check (id = 1),
    name            varchar(200) not null,
    logo_png        bytea,
    logo_file_name  varchar(255),
    version         bigint       not null default 0,
    updated_by      varchar(100) not null,
    updated_at      timestamptz  not null
);

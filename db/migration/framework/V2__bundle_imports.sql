-- The bundled catalogs and crosswalks last brought in, by the SHA-256 of their files (and of the code that reads
-- them): a start whose bundle is unchanged skips reading and comparing the catalogs.
create table bundle_import (
    bundle      varchar(60) primary key,
    sha256      varchar(64) not null,
    imported_at timestamptz not null
);

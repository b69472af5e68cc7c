-- Spring Modulith's event publication registry (JDBC, 2.0 structure): one row per event and listener of another
-- module (@ApplicationModuleListener), written in the publishing transaction and completed when the listener's own
-- transaction commits. Rows left incomplete by a crash or a failure are resubmitted at start-up and on a schedule
-- (dev.aegis.shared.EventPublications). Same columns and indexes as the library's schema-postgresql.sql, which is not
-- run (spring.modulith.events.jdbc.schema-initialization.enabled=false).
create table event_publication (
    id                     uuid not null primary key,
    listener_id            text not null,
    event_type             text not null,
    serialized_event       text not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);

create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

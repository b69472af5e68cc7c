-- The tamper-evident audit log: each entry's hash covers the previous entry's hash and its own canonical
-- content, so changing or removing any stored entry breaks the chain from that entry on.
create table audit_entry (
    id          bigint       primary key,
    occurred_at timestamptz  not null,
    actor       varchar(100) not null,
    object_type varchar(100) not null,
    object_id   varchar(100),
    action      varchar(60)  not null,
    changes     text         not null default '{}',
    prev_hash   varchar(64)  not null,
    hash        varchar(64)  not null
);
create sequence audit_entry_seq;
create index audit_entry_time on audit_entry (occurred_at);
create index audit_entry_actor on audit_entry (actor, occurred_at);
create index audit_entry_object on audit_entry (object_type, object_id);

create function refuse_audit_change() returns trigger language plpgsql as $$
begin
    raise exception 'the audit log is append-only: % is refused', tg_op;
end;
$$;

create trigger audit_entry_append_only
    before update or delete on audit_entry
    for each row execute function refuse_audit_change();

create trigger audit_entry_no_truncate
    before truncate on audit_entry
    for each statement execute function refuse_audit_change();

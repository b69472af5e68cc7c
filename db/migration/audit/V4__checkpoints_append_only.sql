-- Checkpoints are kept as signed: like the audit entries themselves, they are never changed or removed.
create trigger checkpoint_append_only
    before update or delete on checkpoint
    for each row execute function refuse_audit_change();

create trigger checkpoint_no_truncate
    before truncate on checkpoint
    for each statement execute function refuse_audit_change();

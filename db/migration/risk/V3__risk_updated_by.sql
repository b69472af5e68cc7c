-- Who saved a risk last, so a person whose copy went stale is told who changed it and when (the audit log keeps the
-- whole history, but only auditors and administrators read it). Numbered 3 to leave 2 to the register's indexes.
alter table risk add column updated_by varchar(100);

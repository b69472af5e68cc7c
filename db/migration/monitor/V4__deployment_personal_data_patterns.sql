-- A deployment's own personal-data patterns (docs/monitor.md, "LLM calls"), e.g. a patient number format: found in
-- prompts and responses besides the built-in kinds and the installation's patterns. Checked before they are kept
-- (length, syntax, no exponential backtracking on repetitive text).
create table deployment_pattern (
    deployment_id bigint       not null references deployment (id) on delete cascade,
    position      int          not null,
    name          varchar(60)  not null,
    regex         varchar(200) not null,
    primary key (deployment_id, position)
);

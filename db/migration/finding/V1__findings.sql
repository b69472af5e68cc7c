-- Findings: what the telemetry loop found wrong with an AI system (a failed control test, an alert seen open at a
-- monitor), one per cause, carried through open → investigating → resolved or accepted, reopened when the cause
-- breaches again. Systems, controls and risks are other modules' aggregates, referenced by id (no foreign keys across
-- schemas, so each module's schema can be migrated and lifted out alone).
create table finding.finding (
    id                   bigint generated always as identity primary key,
    cause                text        not null,
    system_id            bigint      not null,
    control_id           bigint,
    test_id              bigint,
    title                text        not null,
    severity             text        not null,
    state                text        not null,
    source               text,
    deployment           text,
    metric               text,
    subject              text,
    comparison           text,
    threshold            double precision,
    occurrences          integer     not null default 0,
    first_seen           timestamptz not null,
    last_seen            timestamptz not null,
    recovered_at         timestamptz,
    recovered_figure     double precision,
    investigation_note   text,
    investigated_by      text,
    investigated_at      timestamptz,
    root_cause           text,
    action_taken         text,
    resolved_by          text,
    resolved_at          timestamptz,
    acceptance_rationale text,
    accepted_by          text,
    accepted_at          timestamptz,
    reopen_reason        text,
    reopened_at          timestamptz,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    updated_by           text,
    version              bigint      not null default 0,
    -- one finding per cause for ever: a cause that breaches again adds to it or reopens it
    constraint finding_cause_unique unique (cause)
);

-- the register's filters and sorts, and a system owner's view (their systems' findings)
create index finding_system on finding.finding (system_id, id);
create index finding_state_severity on finding.finding (state, severity, id);
create index finding_last_seen on finding.finding (last_seen, id);

-- the risks the finding's control mitigates (on the finding's system), as they stood when it opened or reopened
create table finding.finding_risk (
    finding_id bigint not null references finding.finding (id) on delete cascade,
    risk_id    bigint not null,
    primary key (finding_id, risk_id)
);
create index finding_risk_risk on finding.finding_risk (risk_id);

-- the timeline: each failing result or alert seen open (BREACH), each passing result or cleared alert (RECOVERY)
create table finding.occurrence (
    id           bigint generated always as identity primary key,
    finding_id   bigint           not null references finding.finding (id) on delete cascade,
    kind         text             not null,
    -- what delivered it (result:<id>, alert:<source>/<alertId>/open): the same delivery twice counts once
    delivery     text             not null,
    figure       double precision,
    threshold    double precision,
    window_start timestamptz,
    window_end   timestamptz,
    sample_size  bigint,
    at           timestamptz      not null,
    constraint occurrence_delivery_unique unique (delivery)
);
create index occurrence_finding_at on finding.occurrence (finding_id, at);
create index occurrence_at on finding.occurrence (at) where kind = 'BREACH';

-- the latest outcome of each telemetry test (a test belongs to one control applied to one system), for the dashboard
create table finding.control_test_status (
    test_id     bigint           primary key,
    control_id  bigint           not null,
    system_id   bigint           not null,
    result_id   bigint           not null,
    outcome     text             not null,
    metric      text,
    figure      double precision,
    threshold   double precision,
    recorded_at timestamptz      not null
);
create index control_test_status_outcome on finding.control_test_status (outcome);

-- The embedded inference monitor. Nothing here refers to another module's schema: the monitor can be lifted out.

-- Bearer tokens for /monitor/v1/** (ingestion, read API, model endpoints); only their SHA-256 is kept
create table monitor_token (
    id           bigserial primary key,
    name         varchar(100) not null,
    token_hash   varchar(64)  not null unique,
    prefix       varchar(16)  not null,
    created_by   varchar(200) not null,
    created_at   timestamptz  not null,
    revoked_at   timestamptz,
    last_used_at timestamptz,
    version      bigint       not null default 0
);

-- One model version being served
create table deployment (
    id                 bigserial primary key,
    name               varchar(100) not null unique,
    model_version      varchar(100) not null,
    owner              varchar(200) not null,
    description        varchar(4000),
    has_score          boolean      not null default false,
    latency_budget_ms  double precision,
    reference_kind     varchar(20)  not null default 'NONE',
    reference_from     timestamptz,
    reference_to       timestamptz,
    reference_batch    varchar(100),
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    version            bigint       not null default 0
);

create table deployment_feature (
    deployment_id bigint       not null references deployment (id) on delete cascade,
    position      int          not null,
    name          varchar(100) not null,
    kind          varchar(20)  not null,
    primary key (deployment_id, position)
);

create table deployment_label (
    deployment_id bigint       not null references deployment (id) on delete cascade,
    position      int          not null,
    label         varchar(100) not null,
    primary key (deployment_id, position)
);

create table deployment_protected_attribute (
    deployment_id bigint       not null references deployment (id) on delete cascade,
    attribute     varchar(100) not null,
    primary key (deployment_id, attribute)
);

-- Raw prediction events, partitioned by event time (one partition per UTC day, made ahead by a job and dropped
-- after the retention period). No foreign key: a deleted deployment's events simply age out.
create table event (
    deployment_id   bigint           not null,
    ts              timestamptz      not null,
    request_id      varchar(200)     not null,
    latency_ms      double precision,
    error           boolean          not null,
    error_class     varchar(200),
    features        jsonb,
    predicted_label varchar(200),
    score           double precision,
    group_value     varchar(200),
    ingest_id       bigint           not null
) partition by range (ts);

-- a safety net for a timestamp no partition covers yet (the ingestion refuses the far past and future)
create table event_default partition of event default;

create index event_deployment_ts on event (deployment_id, ts);

-- Events sent as a reference batch (e.g. validation data, ?reference=<batch>): kept apart from live traffic and
-- outside the retention of raw events, as long as a deployment may compare with them
create table reference_event (
    deployment_id   bigint           not null,
    reference_batch varchar(100)     not null,
    ts              timestamptz      not null,
    request_id      varchar(200)     not null,
    latency_ms      double precision,
    error           boolean          not null,
    error_class     varchar(200),
    features        jsonb,
    predicted_label varchar(200),
    score           double precision,
    group_value     varchar(200),
    ingest_id       bigint           not null
);

create index reference_event_batch on reference_event (deployment_id, reference_batch);

-- Late ground truth, by request id
create table label (
    deployment_id bigint       not null,
    request_id    varchar(200) not null,
    label         varchar(200) not null,
    received_at   timestamptz  not null,
    primary key (deployment_id, request_id)
);

-- Every accepted batch; its events are durable once this row is. aggregated_at is set when the batch has been
-- folded into the window aggregates, so batches left behind by a crashed instance are found and folded again.
create table ingest (
    id            bigserial primary key,
    deployment_id bigint       not null,
    instance_id   varchar(100) not null,
    received_at   timestamptz  not null,
    event_count   int          not null,
    ts_min        timestamptz  not null,
    ts_max        timestamptz  not null,
    aggregated_at timestamptz
);

create index ingest_pending on ingest (received_at) where aggregated_at is null;

-- Traffic per deployment, window and instance: counts and an HdrHistogram of latencies in microseconds (compressed
-- encoding). Rows of several instances for the same window add up (histograms are mergeable).
create table window_aggregate (
    deployment_id  bigint       not null,
    resolution     varchar(10)  not null,
    window_start   timestamptz  not null,
    instance_id    varchar(100) not null,
    event_count    bigint       not null,
    error_count    bigint       not null,
    latency_histogram bytea,
    updated_at     timestamptz  not null,
    primary key (deployment_id, resolution, window_start, instance_id)
);

-- Figures computed per deployment and window (drift, fairness, performance), kept as reproducible evidence: the
-- reference they were compared with and the bin edges used travel with the value.
create table figure (
    id             bigserial primary key,
    deployment_id  bigint           not null,
    resolution     varchar(10)      not null,
    window_start   timestamptz      not null,
    window_end     timestamptz      not null,
    metric         varchar(50)      not null,
    subject        varchar(200),
    value          double precision,
    detail         jsonb,
    reference      jsonb,
    bin_edges      jsonb,
    sample_size    bigint,
    reference_size bigint,
    computed_at    timestamptz      not null
);

create index figure_lookup on figure (deployment_id, metric, resolution, window_start);

-- Alert rules per deployment; subject null means every feature (or group) the metric is computed for
create table alert_rule (
    id             bigserial primary key,
    deployment_id  bigint           not null references deployment (id) on delete cascade,
    metric         varchar(50)      not null,
    subject        varchar(200),
    comparison     varchar(10)      not null,
    threshold      double precision not null,
    resolution     varchar(10)      not null,
    min_samples    bigint           not null default 0,
    enabled        boolean          not null default true,
    default_rule   boolean          not null default false,
    last_evaluated_at timestamptz,
    version        bigint           not null default 0
);

create table alert (
    id            bigserial primary key,
    rule_id       bigint           not null references alert_rule (id) on delete cascade,
    deployment_id bigint           not null,
    metric        varchar(50)      not null,
    subject       varchar(200),
    state         varchar(10)      not null,
    opened_at     timestamptz      not null,
    resolved_at   timestamptz,
    window_start  timestamptz      not null,
    opening_value double precision not null,
    last_value    double precision not null,
    threshold     double precision not null,
    version       bigint           not null default 0
);

create unique index alert_one_open on alert (rule_id, coalesce(subject, '')) where state = 'OPEN';
create index alert_by_deployment on alert (deployment_id, opened_at);

-- Prometheus endpoints of external model servers (KServe, Seldon, Triton) scraped on a schedule
create table scrape_target (
    id               bigserial primary key,
    deployment_id    bigint        not null references deployment (id) on delete cascade,
    url              varchar(2000) not null,
    requests_metric  varchar(200)  not null,
    errors_metric    varchar(200),
    latency_metric   varchar(200),
    latency_unit_seconds boolean   not null default true,
    last_scraped_at  timestamptz,
    last_error       varchar(2000),
    last_sample      jsonb,
    version          bigint        not null default 0
);

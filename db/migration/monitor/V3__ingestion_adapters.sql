-- What the ingestion adapters (docs/monitor.md, "Ingestion adapters") keep between two requests: token use reported as
-- OpenTelemetry metrics, and the half of a KServe request/response pair that arrived first.

-- Tokens from the OTLP metric gen_ai.client.token.usage (delta sums), per deployment, 5-minute window, model and
-- token type; the figure evaluation adds them to the window's INPUT_TOKENS / OUTPUT_TOKENS and COST
create table llm_usage (
    deployment_id bigint           not null,
    window_start  timestamptz      not null,
    model         varchar(200)     not null default '',
    token_type    varchar(20)      not null,
    tokens        double precision not null,
    data_points   bigint           not null,
    primary key (deployment_id, window_start, model, token_type)
);

-- A KServe inference logger CloudEvent (request or response) waiting for its partner with the same ce-id; kept until
-- the partner arrives or, after aegis.monitor.kserve.pair-timeout, dropped and counted as unpaired
create table kserve_pending (
    ce_id         varchar(200) not null,
    deployment_id bigint       not null,
    kind          varchar(10)  not null,
    received_at   timestamptz  not null,
    body          bytea        not null,
    content_type  varchar(100),
    primary key (ce_id, kind)
);

create index kserve_pending_received on kserve_pending (received_at);

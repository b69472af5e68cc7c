-- The risk register's own copy of each AI system's EU AI Act tier, kept by dev.aegis.risk.SystemTiers from the
-- inventory's events and checked against the inventory's API at start-up, so risks are filtered by tier in the
-- register's own SQL without reading the inventory's tables.
create table ai_system_tier (
    id             bigint      primary key,
    eu_ai_act_tier varchar(30),
    copied_at      timestamptz not null
);
create index ai_system_tier_by_tier on ai_system_tier (eu_ai_act_tier);

-- The findings module's own copy of what it needs of each AI system (name and owners), kept by
-- dev.aegis.finding.SystemCopies from the inventory's events and checked against the inventory's API at start-up,
-- so a system owner's findings are chosen in the findings' own SQL without reading the inventory's tables.
create table ai_system_copy (
    id              bigint       primary key,
    name            varchar(200) not null,
    business_owner  varchar(200),
    technical_owner varchar(200),
    copied_at       timestamptz  not null
);
create index ai_system_copy_business_owner on ai_system_copy (lower(business_owner));
create index ai_system_copy_technical_owner on ai_system_copy (lower(technical_owner));

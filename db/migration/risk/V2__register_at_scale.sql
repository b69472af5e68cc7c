-- Indexes for a register of 100,000 risks (docs/benchmarks.md measures them). The service always ends a sort with id
-- in the direction of the first key, so a page is stable and one btree (key, id) serves both directions.
create index risk_by_inherent_score on risk (inherent_score, id);
create index risk_by_status_and_score on risk (status, inherent_score, id);
create index risk_by_category_and_score on risk (category, inherent_score, id);
-- the grid's status and category filters together
create index risk_by_status_and_category on risk (status, category);
create index risk_by_title on risk (title, id);
create index risk_by_due_date on risk (due_date, id);
create index risk_by_updated_at on risk (updated_at, id);
create index risk_by_residual_score on risk (residual_score, id);
-- the single-column indexes these begin with
drop index risk_inherent_score_idx;
drop index risk_status_idx;
drop index risk_category_idx;
drop index risk_due_date_idx;
drop index risk_residual_score_idx;

-- filters by system, threat or requirement read the link tables from the other end: (x, risk_id) answers from the
-- index alone
create index risk_system_by_system_and_risk on risk_system (system_id, risk_id);
create index risk_threat_by_requirement_and_risk on risk_threat (requirement_id, risk_id);
create index risk_requirement_by_requirement_and_risk on risk_requirement (requirement_id, risk_id);
drop index risk_system_by_system;
drop index risk_threat_by_requirement;
drop index risk_requirement_by_requirement;

-- text search over title and description: trigram indexes when pg_trgm is installed (shared V2)
do $$
declare
    trgm_schema text := (select extnamespace::regnamespace::text from pg_extension where extname = 'pg_trgm');
begin
    if trgm_schema is not null then
        execute format('create index risk_title_trgm on risk using gin (lower(title) %s.gin_trgm_ops)', trgm_schema);
        execute format('create index risk_description_trgm on risk using gin (lower(description) %s.gin_trgm_ops)',
                trgm_schema);
    end if;
end
$$;

-- every requirement a risk names, as its threat or as a requirement it bears on: the filter "bears on requirement X"
-- becomes one semi-join driven by the two (requirement_id, risk_id) indexes, instead of an OR of two subqueries that
-- PostgreSQL can only check risk by risk
create view risk_reference as
    select risk_id, requirement_id from risk_requirement
    union all
    select risk_id, requirement_id from risk_threat;

-- How often a vendor is assessed again after an approval: NONE, SIX_MONTHS or YEARLY; null follows the vendor's
-- criticality (critical and high yearly, the others not on a schedule).
alter table vendor add column reassessment_interval varchar(12);
alter table vendor add constraint vendor_reassessment_interval
    check (reassessment_interval in ('NONE', 'SIX_MONTHS', 'YEARLY'));

-- A reassessment names the approved assessment whose cycle it continues: one per approval, never two.
alter table assessment add column reassessment_of bigint references assessment (id) on delete set null;
create unique index assessment_reassessment_once on assessment (reassessment_of) where reassessment_of is not null;

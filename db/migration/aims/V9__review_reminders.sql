-- Review-date reminders of policies (document versions in force) and impact assessments (approved versions): the
-- last milestone its owner was reminded of — 'DUE_SOON' (within 30 days) or 'OVERDUE' — so each milestone is told
-- once, not every day. A new version starts without one.
alter table document_version add column review_reminded varchar(10);
alter table document_version add constraint document_version_review_reminded_known
    check (review_reminded in ('DUE_SOON', 'OVERDUE'));
alter table impact_assessment_version add column review_reminded varchar(10);
alter table impact_assessment_version add constraint impact_assessment_version_review_reminded_known
    check (review_reminded in ('DUE_SOON', 'OVERDUE'));

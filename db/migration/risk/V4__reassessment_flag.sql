-- A finding against a control that mitigates a risk puts the risk's residual score in doubt: the risk is flagged for
-- reassessment (why, and since when) until it is next assessed, treated or accepted.
alter table risk add column reassessment_reason text;
alter table risk add column reassessment_flagged_at timestamptz;

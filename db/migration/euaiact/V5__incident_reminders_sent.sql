-- Which deadline reminders of an incident were sent: one per milestone (five days before the deadline, one day before,
-- overdue) and deadline, so each goes out once even though the round runs every hour; a changed deadline (the kind or
-- the awareness corrected) arms its milestones again.
create table incident_reminder (
    incident_id  bigint       not null references incident (id) on delete cascade,
    milestone    varchar(20)  not null,
    deadline     timestamptz  not null,
    sent_at      timestamptz  not null,
    recipients   integer      not null,
    primary key (incident_id, milestone, deadline),
    constraint incident_reminder_milestone check (milestone in ('FIVE_DAYS_BEFORE', 'ONE_DAY_BEFORE', 'OVERDUE'))
);

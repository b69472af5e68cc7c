-- What Aegis tells a person: kept for the in-app list, mailed when an address and a mail server exist.
create table notification.notification (
    id          bigint generated always as identity primary key,
    recipient   text        not null,
    topic       text        not null,
    subject     text        not null,
    body        text        not null,
    link        text,
    created_at  timestamptz not null,
    read_at     timestamptz,
    mailed_to   text
);

-- the bell: a person's unread ones, newest first
create index notification_recipient_created on notification.notification (recipient, created_at desc);
create index notification_unread on notification.notification (recipient) where read_at is null;

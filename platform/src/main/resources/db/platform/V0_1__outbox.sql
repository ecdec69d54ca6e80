-- Transactional outbox: events are written here in the same transaction as the state change they describe,
-- and relayed to Kafka afterwards (platform OutboxRelay). seq gives the relay its order.
create table outbox_event (
    seq          bigserial primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    event_key    text        not null,
    event_type   text        not null,
    envelope     text        not null,
    created_at   timestamptz not null default now(),
    published_at timestamptz
);

create index outbox_event_pending on outbox_event (seq) where published_at is null;

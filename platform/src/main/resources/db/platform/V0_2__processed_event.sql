-- Idempotent consumer: one row per (consumer, event) processed, written in the consumer's own transaction
-- together with the event's effect, so a redelivered event is recognised and skipped.
create table processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    event_type   text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);

-- The relay's queue: a narrow row per event not yet acknowledged by Kafka, deleted once it is. The relay used to mark
-- the event row itself (published_at), which rewrote the whole envelope and its index entries: in the registry's
-- transfer benchmark that update was a fifth of the write-ahead log per transfer, the outbox as a whole nearly half.
-- A statement trigger fills the queue, so every way of inserting events (one row, a bulk insert, Hibernate) is
-- covered and none of them pays another round trip.
create table outbox_pending (
    seq bigint primary key
);

create function outbox_event_queued() returns trigger language plpgsql as $$
begin
    insert into outbox_pending (seq) select seq from inserted;
    return null;
end
$$;

create trigger outbox_event_queued after insert on outbox_event referencing new table as inserted
    for each statement execute function outbox_event_queued();

insert into outbox_pending (seq) select seq from outbox_event where published_at is null;
drop index outbox_event_pending;
alter table outbox_event drop column published_at;

-- Where an instrument's engine can be rebuilt from without replaying the whole journal: taken right after an end
-- of day (the book is empty then), once the broker acknowledged its END_OF_DAY record. One row per instrument and
-- trading day it opens; the start replays each instrument from after its latest row.
create table journal_snapshot (
    instrument         text        not null,
    trading_day        date        not null,
    previous_close_fen bigint      not null check (previous_close_fen > 0),
    -- The exchange's order ids (shared by all instruments) and the instrument's fill sequence go on from these.
    last_order_id      bigint      not null check (last_order_id >= 0),
    fill_sequence      bigint      not null check (fill_sequence >= 0),
    journal_topic      text        not null,
    journal_partition  integer     not null check (journal_partition >= 0),
    journal_offset     bigint      not null check (journal_offset >= 0),
    taken_at           timestamptz not null,
    primary key (instrument, trading_day)
);

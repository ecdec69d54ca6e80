-- Units a participant took out of trading; the units left in the ledger entry UNITS_OUT:<id> (posted at once, no
-- bank decision to wait for) and the registry learns of it from the UnitsReleased event.
create table unit_withdrawal (
    id           uuid        primary key,
    party_id     uuid        not null,
    instrument   text        not null,
    quantity     bigint      not null check (quantity > 0),
    requested_by text        not null,
    released_at  timestamptz not null
);

create index unit_withdrawal_party on unit_withdrawal (party_id);

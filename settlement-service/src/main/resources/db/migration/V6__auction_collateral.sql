-- A bidder's collateral for one auction: PENDING (held from available cash), IN_USE (posted into the reserved
-- account by the auction's first trade for the bidder), then RELEASED (the unused rest back) or VOIDED (no trade).
-- A party bids in one auction at a time, so its reserved cash belongs to that auction alone.
create table auction_collateral (
    auction_id   text        not null,
    party_id     uuid        not null,
    instrument   text        not null,
    amount_fen   bigint      not null check (amount_fen > 0),
    state        text        not null check (state in ('PENDING', 'IN_USE', 'RELEASED', 'VOIDED')),
    reserved_at  timestamptz not null,
    released_fen bigint,
    settled_at   timestamptz,
    primary key (auction_id, party_id)
);

create unique index auction_collateral_one_open_per_party on auction_collateral (party_id)
    where state in ('PENDING', 'IN_USE');

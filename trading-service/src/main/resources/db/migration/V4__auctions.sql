-- One-way auctions: one seller's volume offered to sealed bids in a window, cleared at a uniform price.
create table auction (
    id             bigint generated always as identity primary key,
    seller         uuid        not null,
    instrument     text        not null,
    quantity       bigint      not null check (quantity > 0),
    reserve_fen    bigint      not null check (reserve_fen > 0),
    opens_at       timestamptz not null,
    closes_at      timestamptz not null check (closes_at > opens_at),
    state          text        not null check (state in ('ANNOUNCED', 'CLEARED', 'CANCELLED')),
    announced_by   text        not null,
    announced_at   timestamptz not null,
    closed_at      timestamptz,
    clearing_fen   bigint check (clearing_fen >= reserve_fen),
    allocated      bigint check (allocated = quantity),
    check ((state = 'ANNOUNCED') = (closed_at is null)),
    check ((state = 'CLEARED') = (clearing_fen is not null) and (clearing_fen is null) = (allocated is null))
);

-- The auctions still waiting for their close.
create index auction_due on auction (closes_at) where state = 'ANNOUNCED';

-- A sealed bid; after the close, what it was allocated and the trade that allocation is.
create table auction_bid (
    id           bigint generated always as identity primary key,
    auction_id   bigint      not null references auction (id),
    bidder       uuid        not null,
    price_fen    bigint      not null check (price_fen > 0),
    quantity     bigint      not null check (quantity > 0),
    submitted_at timestamptz not null,
    allocated    bigint check (allocated between 0 and quantity),
    trade_id     text unique,
    check (trade_id is null or allocated > 0)
);

create index auction_bid_auction on auction_bid (auction_id, bidder);

-- Every trade cleared (its DvP entry is TRADE:<trade_id>), with what the end-of-day run and statements need.
create table cleared_trade (
    trade_id       text        primary key,
    trade_date     date        not null,
    buyer_id       uuid        not null,
    seller_id      uuid        not null,
    instrument     text        not null,
    quantity       bigint      not null check (quantity > 0),
    price_fen      bigint      not null check (price_fen > 0),
    value_fen      bigint      not null,
    buyer_fee_fen  bigint      not null,
    seller_fee_fen bigint      not null,
    mode           text        not null,
    executed_at    timestamptz not null,
    cleared_at     timestamptz not null
);

create index cleared_trade_by_date on cleared_trade (trade_date, instrument);

-- A trade the exchange executed but the ledger could not clear (a party short of cash or units, a malformed trade):
-- kept for the operator instead of blocking the partition, and cleared by replaying it once resolved.
create table clearing_break (
    trade_id    text        primary key,
    code        text        not null,
    reason      text        not null,
    event       text        not null,
    recorded_at timestamptz not null
);

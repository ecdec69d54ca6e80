-- The end-of-day clearing run of a trade date: one per date, written whole in one transaction with its net
-- positions and its DeliveryInstructions event, so a run either exists completely or not at all (a crash mid-run
-- leaves nothing and the run is simply started again). Once it exists the trade date is closed to clearing.
create table clearing_run (
    run_id       text        primary key,
    trade_date   date        not null unique,
    trades       bigint      not null,
    fees_fen     bigint      not null,
    started_by   text        not null,
    completed_at timestamptz not null
);

create table net_position (
    run_id       text   not null references clearing_run (run_id),
    party_id     uuid   not null,
    instrument   text   not null,
    net_units    bigint not null,
    net_cash_fen bigint not null,
    primary key (run_id, party_id, instrument)
);

create index cleared_trade_by_buyer on cleared_trade (buyer_id, trade_date);
create index cleared_trade_by_seller on cleared_trade (seller_id, trade_date);

-- The registry's IN_TRADING holdings per party and instrument, as its TransactionBooked events tell them (every
-- IN_TRADING line, whatever the transaction's type), for reconciliation. Each registry transaction counts once.
create table registry_in_trading (
    party_id   uuid   not null,
    instrument text   not null,
    quantity   bigint not null,
    primary key (party_id, instrument)
);

create table registry_transaction_mirrored (
    transaction_id text        primary key,
    mirrored_at    timestamptz not null
);

-- A reconciliation of settlement's books with the registry's and trading's, and every difference it found.
create table reconciliation_run (
    run_id          uuid        primary key,
    business_date   date        not null,
    ran_at          timestamptz not null,
    registry_status text        not null,
    trading_status  text        not null,
    trading_detail  text,
    differences     int         not null
);

create index reconciliation_run_by_date on reconciliation_run (business_date, ran_at);

create table reconciliation_difference (
    run_id     uuid   not null references reconciliation_run,
    seq        int    not null,
    source     text   not null,
    party_id   uuid   not null,
    asset      text   not null,
    settlement bigint not null,
    other      bigint not null,
    primary key (run_id, seq)
);

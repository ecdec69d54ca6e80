-- Each entity's surrender obligation per compliance period as last set from its verified emissions and the period's
-- final allocation (a new version when a figure changes), with the limits within it.
create table obligation (
    period_id                 text        not null references compliance_period (period_id),
    party_id                  uuid        not null,
    region                    text        not null,
    version                   integer     not null check (version > 0),
    run_id                    uuid        not null,
    verified_emissions_tonnes bigint      not null check (verified_emissions_tonnes >= 0),
    allocation_tonnes         bigint      not null check (allocation_tonnes >= 0),
    obligation_tonnes         bigint      not null check (obligation_tonnes >= 0),
    offset_limit_tonnes       bigint      not null check (offset_limit_tonnes >= 0),
    borrowing_limit_tonnes    bigint      not null check (borrowing_limit_tonnes >= 0),
    set_by                    text        not null,
    set_at                    timestamptz not null,
    primary key (period_id, party_id)
);

create index obligation_region on obligation (period_id, region);

-- The units an obligation was summed from, as of its latest version.
create table obligation_unit (
    period_id          text   not null,
    party_id           uuid   not null,
    unit_id            text   not null,
    category           text   not null,
    emissions_tonnes   bigint not null,
    allocation_tonnes  bigint not null,
    obligation_tonnes  bigint not null,
    primary key (period_id, party_id, unit_id),
    foreign key (period_id, party_id) references obligation (period_id, party_id)
);

-- Units surrendered into a period's surrender account, per registry transaction, party and instrument; a
-- transaction is counted once however often its event arrives.
create table surrendered_units (
    transaction_id uuid        not null,
    party_id       uuid        not null,
    instrument     text        not null,
    period_id      text        not null,
    kind           text        not null,
    tonnes         bigint      not null check (tonnes > 0),
    booked_at      timestamptz not null,
    primary key (transaction_id, party_id, instrument)
);

create index surrendered_units_period on surrendered_units (period_id, party_id);

-- Price-forming trades of the market, per trading day (Shanghai time), for the average price penalties are set by.
create table market_trade (
    trade_id    text        primary key,
    instrument  text        not null,
    trading_day date        not null,
    price_fen   bigint      not null check (price_fen > 0),
    quantity    bigint      not null check (quantity > 0),
    executed_at timestamptz not null
);

create index market_trade_day on market_trade (instrument, trading_day);

-- The penalty decided for an entity's shortfall after the full surrender deadline, with what it was computed from.
create table penalty (
    period_id        text        not null references compliance_period (period_id),
    party_id         uuid        not null,
    shortfall_tonnes bigint      not null check (shortfall_tonnes > 0),
    factor           numeric     not null,
    price_fen        bigint      not null,
    prices_from      date        not null,
    prices_to        date        not null,
    trading_days     integer     not null,
    amount_fen       bigint      not null,
    decided_by       text        not null,
    decided_at       timestamptz not null,
    primary key (period_id, party_id)
);

-- A shortfall to be deducted from the entity's allocation in the next period.
create table allocation_deduction (
    period_id   text        not null references compliance_period (period_id),
    party_id    uuid        not null,
    tonnes      bigint      not null check (tonnes > 0),
    recorded_at timestamptz not null,
    primary key (period_id, party_id)
);

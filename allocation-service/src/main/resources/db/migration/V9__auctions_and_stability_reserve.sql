-- Primary auctions of a period's calendar: scheduled by the regulator, prepared (reserve price and the stability
-- reserve's adjustments fixed, the supply sent to the registry), held by the exchange, and their published result.
create table auction (
    auction_ref           text primary key,
    period_id             text        not null references compliance_period (period_id),
    seq                   integer     not null,
    jurisdiction          text        not null,
    instrument            text        not null,
    rule_pack             text        not null,
    lot_tonnes            bigint      not null check (lot_tonnes > 0),
    volume_lots           bigint      not null check (volume_lots > 0),
    bidder_cap_share      numeric     not null check (bidder_cap_share > 0 and bidder_cap_share <= 1),
    eligible_types        text[]      not null,
    opens_at              timestamptz not null,
    closes_at             timestamptz not null check (closes_at > opens_at),
    prepare_at            timestamptz not null,
    status                text        not null,
    idempotency_key       text unique,
    scheduled_by          text        not null,
    scheduled_at          timestamptz not null,
    updated_at            timestamptz not null,
    -- fixed at preparation: the volume with what was carried over into it, the reserve price and its evidence
    volume_tonnes         bigint,
    reserve_price_fen     bigint,
    price_floor_fen       bigint,
    market_share          numeric,
    trading_days          integer,
    closes_used           integer,
    closes_sum_fen        bigint,
    bidder_cap_tonnes     bigint,
    ccr_trigger_fen       bigint,
    ccr_release_tonnes    bigint,
    ecr_floor_fen         bigint,
    ecr_withhold_tonnes   bigint,
    prepared_by           text,
    prepared_at           timestamptz,
    -- the registry's answer to the supply, the exchange's auction
    supply_transaction_id uuid,
    refusal_code          text,
    refusal_reason        text,
    trading_auction_id    bigint,
    announced_at          timestamptz,
    -- the result
    outcome               text,
    clearing_price_fen    bigint,
    offered_tonnes        bigint,
    sold_tonnes           bigint,
    demand_tonnes         bigint,
    cover_ratio           numeric(14, 2),
    bidders               integer,
    revenue_fen           bigint,
    closed_at             timestamptz,
    unique (period_id, seq)
);

-- What the preparation job looks for.
create index auction_due on auction (prepare_at) where status = 'SCHEDULED';

-- Each winner's tonnes and payment (clearing price x tonnes).
create table auction_winner (
    auction_ref text   not null references auction (auction_ref),
    party_id    uuid   not null,
    tonnes      bigint not null check (tonnes > 0),
    amount_fen  bigint not null,
    primary key (auction_ref, party_id)
);

-- Unsold units going back from trading to a national account, each released once under its release id; booked
-- when the registry's booking with that reference arrives.
create table auction_return (
    release_id     text primary key,
    auction_ref    text        not null references auction (auction_ref),
    destination    text        not null,
    tonnes         bigint      not null check (tonnes > 0),
    reason         text        not null,
    status         text        not null,
    transaction_id uuid,
    booked_at      timestamptz
);

create index auction_return_auction on auction_return (auction_ref);

-- A cancelled (or withdrawn) auction's lots added to later scheduled auctions of its period; to_ref is null while no
-- scheduled auction was there to take them (the next one scheduled does).
create table auction_carry_over (
    carry_id   bigint generated always as identity primary key,
    period_id  text        not null,
    from_ref   text        not null references auction (auction_ref),
    to_ref     text references auction (auction_ref),
    lots       bigint      not null check (lots > 0),
    carried_at timestamptz not null
);

create index auction_carry_over_to on auction_carry_over (to_ref);
create index auction_carry_over_period on auction_carry_over (period_id) where to_ref is null;

-- The stability reserve's ledger per jurisdiction and instrument: units set aside at allocation, taken in from
-- auctions (withheld below the floor, a containment release that did not sell) and released to auctions above the
-- trigger, each with its evidence, and booked once the registry's booking (reference = movement id) arrives.
create table reserve_movement (
    movement_id        text primary key,
    jurisdiction       text        not null,
    instrument         text        not null,
    kind               text        not null,
    tonnes             bigint      not null check (tonnes > 0),
    reason             text        not null,
    status             text        not null,
    period_id          text,
    auction_ref        text,
    run_id             uuid,
    clearing_price_fen bigint,
    threshold_fen      bigint,
    transaction_id     uuid,
    recorded_at        timestamptz not null,
    booked_at          timestamptz,
    updated_at         timestamptz not null
);

create index reserve_movement_jurisdiction on reserve_movement (jurisdiction, instrument);
create index reserve_movement_period on reserve_movement (period_id) where kind = 'SET_ASIDE';

-- The pilots' compliance periods on the national machinery (issue 25).

-- What an obligation covers, for the one-market rule; every obligation set before was the national market's power
-- sector. A pilot's obligation counts no allocation run: its entities are enrolled with their free allocation.
alter table obligation add column sector text;
update obligation set sector = 'POWER';
alter table obligation alter column sector set not null;
alter table obligation alter column run_id drop not null;

-- An entity enrolled in a pilot period by the authority running the pilot: its sector, the free allocation the
-- registry issues it (through instructions PILOT-<periodId>-<partyId>-<n>, n counting them) and its verified
-- emissions, which its obligation is set from.
create table pilot_enrolment (
    period_id                 text        not null references compliance_period (period_id),
    party_id                  uuid        not null,
    region                    text        not null,
    sector                    text        not null,
    free_allocation_tonnes    bigint      not null check (free_allocation_tonnes >= 0),
    verified_emissions_tonnes bigint      check (verified_emissions_tonnes >= 0),
    instructions              integer     not null check (instructions >= 0),
    enrolled_by               text        not null,
    enrolled_at               timestamptz not null,
    updated_by                text        not null,
    updated_at                timestamptz not null,
    primary key (period_id, party_id)
);

-- A pilot enrolment's issuance instructions have no allocation run.
alter table issuance_instruction alter column run_id drop not null;

-- A pilot exchange's daily closes from before its allowances traded on the suite, as the authority or the regulator
-- recorded them (one per instrument and day, replaced when recorded again); the suite's own trades' closes win.
create table exchange_close (
    instrument  text        not null,
    trading_day date        not null,
    close_fen   bigint      not null check (close_fen > 0),
    source      text        not null,
    recorded_by text        not null,
    recorded_at timestamptz not null,
    primary key (instrument, trading_day)
);

-- Penalties by the pack's method: a price multiple (factor, average price and its days), a fixed fine or none; the
-- tonnes taken off the next allocation (a multiple of the shortfall) kept with the decision.
alter table penalty add column method text;
update penalty set method = 'PRICE_MULTIPLE';
alter table penalty alter column method set not null;
alter table penalty alter column factor drop not null;
alter table penalty alter column price_fen drop not null;
alter table penalty alter column prices_from drop not null;
alter table penalty alter column prices_to drop not null;
alter table penalty alter column trading_days drop not null;
alter table penalty add column capped boolean not null default false;
alter table penalty add column deducted_tonnes bigint;
update penalty set deducted_tonnes = shortfall_tonnes;
alter table penalty alter column deducted_tonnes set not null;

-- Allocation runs: a computation of every covered entity's free allocation for a period, kept with its inputs so
-- that it can be reviewed, reproduced and approved; approval turns the differences into issuance instructions.
create table allocation_run (
    run_id         uuid primary key,
    period_id      text        not null references compliance_period (period_id),
    kind           text        not null,
    data_years     integer[]   not null,
    benchmark_pack text        not null,
    instrument     text        not null,
    inputs_hash    text        not null,
    status         text        not null,
    units          integer     not null,
    entities       integer     not null,
    total_tonnes   bigint      not null,
    computed_by    text        not null,
    computed_at    timestamptz not null,
    approved_by    text,
    approved_at    timestamptz
);

create index allocation_run_period on allocation_run (period_id, computed_at);

-- A unit's allocation for one data year in a run, with the figures it was computed from and its corrections.
create table run_unit (
    run_id                   uuid          not null references allocation_run (run_id),
    unit_id                  text          not null,
    data_year                integer       not null,
    party_id                 uuid          not null,
    category                 text          not null,
    electricity_supplied_mwh bigint        not null,
    heat_supplied_gj         bigint        not null,
    load_factor              numeric(5, 4) not null,
    heat_supply_ratio        numeric(5, 4) not null,
    cooling_factor           numeric       not null,
    heat_supply_factor       numeric       not null,
    load_factor_factor       numeric       not null,
    tonnes                   bigint        not null,
    primary key (run_id, unit_id, data_year)
);

create index run_unit_party on run_unit (run_id, party_id);

-- An entity's allocation in a run: the sum of its units' tonnes, the allocation that makes (all of it, or the
-- pre-allocation share for each year of the period), what approved runs of the period had already allocated, and
-- the difference approval issues (positive) or claws back (negative).
create table run_entity (
    run_id           uuid    not null references allocation_run (run_id),
    party_id         uuid    not null,
    region           text    not null,
    units            integer not null,
    computed_tonnes  bigint  not null,
    allocated_tonnes bigint  not null,
    previous_tonnes  bigint  not null,
    delta_tonnes     bigint  not null,
    primary key (run_id, party_id)
);

-- One instruction per entity and instrument of an approved run; its status follows the registry's answer.
create table issuance_instruction (
    instruction_id text primary key,
    run_id         uuid        not null references allocation_run (run_id),
    period_id      text        not null,
    party_id       uuid        not null,
    region         text        not null,
    instrument     text        not null,
    reason         text        not null,
    tonnes         bigint      not null check (tonnes > 0),
    status         text        not null,
    transaction_id uuid,
    returned       bigint,
    debt           bigint,
    refusal_code   text,
    refusal_reason text,
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);

create index issuance_instruction_period on issuance_instruction (period_id, party_id);

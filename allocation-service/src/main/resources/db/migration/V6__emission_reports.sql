-- Emission reports: an entity's report of one year in a compliance period, per generating unit, in versions. A
-- version moves DRAFT -> SUBMITTED -> ASSIGNED (a verifier named) -> VERIFIED (the verifier concluded) ->
-- CONFIRMED (the provincial authority); a confirmed version never changes, a correction is the next version. At
-- most one version of a report is not yet confirmed. emissions_tonnes is the sum of the units' whole tonnes as the
-- version's figures stand.
create table emission_report (
    report_id         text        not null,
    version           integer     not null check (version > 0),
    period_id         text        not null references compliance_period (period_id),
    party_id          uuid        not null references covered_entity (party_id),
    region            text        not null,
    year              integer     not null,
    status            text        not null,
    late              boolean     not null,
    verifier_party_id uuid,
    emissions_tonnes  bigint      not null check (emissions_tonnes >= 0),
    created_by        text        not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    submitted_at      timestamptz,
    concluded_at      timestamptz,
    confirmed_at      timestamptz,
    primary key (report_id, version)
);

create unique index emission_report_open on emission_report (report_id) where status <> 'CONFIRMED';
create index emission_report_party_year on emission_report (party_id, year);
create index emission_report_region on emission_report (region, status);
create index emission_report_verifier on emission_report (verifier_party_id);

-- A generating unit in a version of a report: its production (as activity data is recorded), the electricity it
-- bought, and its emissions in whole tonnes. Units are not referenced by key: a unit's register row may be
-- replaced, a report stays as it was confirmed.
create table report_unit (
    report_id                 text          not null,
    version                   integer       not null,
    unit_id                   text          not null,
    electricity_supplied_mwh  bigint        not null check (electricity_supplied_mwh >= 0),
    heat_supplied_gj          bigint        not null check (heat_supplied_gj >= 0),
    load_factor               numeric(5, 4) not null check (load_factor between 0 and 1),
    heat_supply_ratio         numeric(5, 4) not null check (heat_supply_ratio between 0 and 1),
    purchased_electricity_mwh numeric       not null check (purchased_electricity_mwh >= 0),
    emissions_tonnes          bigint        not null check (emissions_tonnes >= 0),
    primary key (report_id, version, unit_id),
    foreign key (report_id, version) references emission_report (report_id, version)
);

-- A fuel a unit burned: consumption (t, or 10^4 Nm3 for gas) and the factors as reported; a null calorific value or
-- oxidation rate takes the rule pack's default, as does the carbon content of a DEFAULT line (which names no lab
-- report). The lab report and sample ids of measured lines are looked up across entities.
create table report_fuel (
    report_id             text    not null,
    version               integer not null,
    unit_id               text    not null,
    line                  integer not null,
    fuel                  text    not null,
    consumption           numeric not null check (consumption >= 0),
    net_calorific_value   numeric,
    carbon_content_method text    not null,
    carbon_content        numeric,
    lab_report_id         text,
    sample_id             text,
    oxidation_rate        numeric,
    primary key (report_id, version, unit_id, line),
    foreign key (report_id, version, unit_id) references report_unit (report_id, version, unit_id) on delete cascade
);

create index report_fuel_lab_report on report_fuel (lab_report_id) where lab_report_id is not null;
create index report_fuel_sample on report_fuel (sample_id) where sample_id is not null;

-- Every step of a report (created, edited, submitted, verifier assigned, adjusted, concluded, confirmed, corrected):
-- who, for which party, when. The report's history.
create table report_step (
    step_id     bigserial primary key,
    report_id   text        not null,
    version     integer     not null,
    action      text        not null,
    actor       text        not null,
    actor_party uuid,
    at          timestamptz not null,
    note        text
);

create index report_step_report on report_step (report_id, version, step_id);

-- A verifier's change of one figure, with its reason; after_conclusion marks a change made once the verifier had
-- concluded, which the data-quality flags name.
create table report_adjustment (
    adjustment_id    bigserial primary key,
    report_id        text        not null,
    version          integer     not null,
    field            text        not null,
    old_value        text,
    new_value        text,
    reason           text        not null,
    adjusted_by      text        not null,
    adjusted_at      timestamptz not null,
    after_conclusion boolean     not null
);

create index report_adjustment_report on report_adjustment (report_id, version, adjustment_id);

-- The data-quality flags of a version as they stood when it was confirmed.
create table report_flag (
    report_id text    not null,
    version   integer not null,
    line      integer not null,
    code      text    not null,
    unit_id   text,
    reason    text    not null,
    primary key (report_id, version, line)
);

-- The verified emissions per unit of each entity's confirmed report of a year: the latest confirmed version's units
-- only. What obligations are computed from.
create table verified_unit_emissions (
    period_id        text        not null,
    party_id         uuid        not null,
    year             integer     not null,
    unit_id          text        not null,
    report_id        text        not null,
    version          integer     not null,
    emissions_tonnes bigint      not null check (emissions_tonnes >= 0),
    confirmed_at     timestamptz not null,
    primary key (period_id, party_id, year, unit_id)
);

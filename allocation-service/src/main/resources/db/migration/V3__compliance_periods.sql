-- Compliance periods per jurisdiction: the years they cover, the instrument they issue, the benchmark pack they
-- allocate by, their surrender deadlines and where they stand in the annual cycle.
create table compliance_period (
    period_id      text primary key,
    jurisdiction   text        not null,
    first_year     integer     not null,
    last_year      integer     not null check (last_year >= first_year),
    instrument     text        not null,
    benchmark_pack text        not null,
    deadline_95    date        not null,
    deadline_100   date        not null check (deadline_100 >= deadline_95),
    status         text        not null,
    opened_by      text        not null,
    opened_at      timestamptz not null,
    updated_at     timestamptz not null
);

-- Generating units of covered entities, registered by the entity's provincial authority or the regulator: what
-- free allocation is computed for.
create table generating_unit (
    unit_id                 text primary key,
    party_id                uuid        not null references covered_entity (party_id),
    category                text        not null,
    capacity_mw             bigint      not null check (capacity_mw > 0),
    cooling                 text        not null,
    combined_heat_and_power boolean     not null,
    commissioned_on         date        not null,
    registered_by           text        not null,
    registered_at           timestamptz not null,
    updated_at              timestamptz not null
);

create index generating_unit_party on generating_unit (party_id);

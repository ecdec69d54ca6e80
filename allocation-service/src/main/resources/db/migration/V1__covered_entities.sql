-- Compliance entities (key emitting units) covered by the national market: the ones free allocation is for.
create table covered_entity (
    party_id   uuid primary key,
    name       text        not null,
    region     text        not null,
    covered_at timestamptz not null
);

create index covered_entity_region on covered_entity (region);

-- One risk profile per party admitted by the registry: the anchor of its pre-trade checks.
create table risk_profile (
    party_id   uuid primary key,
    party_type text        not null,
    region     text        not null,
    status     text        not null check (status in ('ACTIVE', 'SUSPENDED')),
    opened_at  timestamptz not null
);

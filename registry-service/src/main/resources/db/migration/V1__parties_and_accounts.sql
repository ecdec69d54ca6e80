-- Parties: one per legal identity nationally (the id is derived from the identity code).
create table party (
    id            uuid primary key,
    name          text        not null,
    type          text        not null check (type in ('COMPLIANCE_ENTITY', 'INSTITUTION', 'INDIVIDUAL')),
    region        text        not null,
    identity_code text        not null unique,
    registered_at timestamptz not null,
    registered_by text        not null
);

create index party_region on party (region, type);

-- Accounts: a party's HOLDING account now; system accounts (issuance, surrender, ...) have no party.
create table account (
    id        text primary key,
    party_id  uuid references party (id),
    type      text        not null,
    state     text        not null check (state in ('OPEN', 'FROZEN', 'CLOSED')),
    opened_at timestamptz not null,
    unique (party_id, type)
);

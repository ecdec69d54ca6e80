-- Each entity's surrender obligation per compliance period as allocation last set it (a later version replaces an
-- earlier one): the tonnes to surrender, and within them how many may be offsets or next-vintage allowances.
create table surrender_obligation (
    period_id                 text        not null,
    party_id                  uuid        not null,
    instrument                text        not null,
    version                   int         not null,
    verified_emissions_tonnes bigint      not null check (verified_emissions_tonnes >= 0),
    obligation_tonnes         bigint      not null check (obligation_tonnes >= 0),
    offset_limit_tonnes       bigint      not null check (offset_limit_tonnes >= 0),
    borrowing_limit_tonnes    bigint      not null check (borrowing_limit_tonnes >= 0),
    set_at                    timestamptz not null,
    primary key (period_id, party_id)
);

-- Each surrender booked against an obligation, under the entity's own id for it, with its tonnes per kind.
create table surrender (
    party_id         uuid        not null,
    surrender_id     text        not null,
    period_id        text        not null,
    transaction_id   uuid        not null unique references registry_transaction (id),
    allowance_tonnes bigint      not null check (allowance_tonnes >= 0),
    borrowed_tonnes  bigint      not null check (borrowed_tonnes >= 0),
    offset_tonnes    bigint      not null check (offset_tonnes >= 0),
    surrendered_at   timestamptz not null,
    primary key (party_id, surrender_id),
    foreign key (period_id, party_id) references surrender_obligation (period_id, party_id)
);

create index surrender_of_obligation on surrender (period_id, party_id, surrendered_at);

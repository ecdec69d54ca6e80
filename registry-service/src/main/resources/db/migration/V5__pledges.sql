-- Pledges of units to a pledgee (a bank): the units sit in PLEDGED status until the pledgee releases them.
create table pledge (
    id                     uuid primary key,
    account_id             text        not null references account (id),
    instrument             text        not null,
    quantity               bigint      not null check (quantity > 0),
    pledgee                text        not null,
    expires_on             date        not null,
    status                 text        not null check (status in ('ACTIVE', 'RELEASED')),
    pledge_transaction     uuid        not null references registry_transaction (id),
    release_transaction    uuid references registry_transaction (id),
    registered_at          timestamptz not null,
    released_at            timestamptz
);

create index pledge_account on pledge (account_id, status);

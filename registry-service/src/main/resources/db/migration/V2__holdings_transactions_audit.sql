-- Accounts gain their jurisdiction and the record of a freeze.
alter table account add column jurisdiction text not null default 'CN';
alter table account add column freeze_reason text;
alter table account add column freeze_authority text;
alter table account add column frozen_at timestamptz;

-- A holding: an account's units of one instrument in one status. Only mirror accounts (issuance, migration source)
-- may go negative; for every other the check constraint is the last guard against an overdraft.
create table holding (
    account_id     text    not null references account (id),
    instrument     text    not null,
    status         text    not null check (status in ('AVAILABLE', 'IN_TRADING', 'PLEDGED', 'FROZEN')),
    quantity       bigint  not null,
    allow_negative boolean not null default false,
    primary key (account_id, instrument, status),
    constraint holding_not_negative check (quantity >= 0 or allow_negative)
);

-- Every movement: immutable once booked. idempotency_key is scoped by initiator (party id, regulator, service).
create table registry_transaction (
    id              uuid primary key,
    seq             bigserial   not null unique,
    type            text        not null,
    idempotency_key text        not null unique,
    fingerprint     text        not null,
    initiator       text        not null,
    booked_at       timestamptz not null,
    audit_seq       bigint unique
);

create table transaction_line (
    transaction_id uuid   not null references registry_transaction (id),
    line_no        int    not null,
    account_id     text   not null references account (id),
    instrument     text   not null,
    status         text   not null,
    delta          bigint not null check (delta <> 0),
    primary key (transaction_id, line_no)
);

create index transaction_line_account on transaction_line (account_id, transaction_id);
create index registry_transaction_unchained on registry_transaction (seq) where audit_seq is null;

-- The audit chain: each record's hash covers the previous hash and the transaction's canonical JSON.
create table audit_record (
    seq            bigint primary key,
    transaction_id uuid        not null unique references registry_transaction (id),
    prev_hash      text        not null,
    hash           text        not null,
    chained_at     timestamptz not null
);

-- The system accounts that exist from the start; surrender accounts are opened per compliance period.
insert into account (id, party_id, type, state, opened_at, jurisdiction)
select 'NATIONAL_ISSUANCE-' || j, null, 'NATIONAL_ISSUANCE', 'OPEN', now(), j
from unnest(array['CN', 'BJ', 'TJ', 'SH', 'CQ', 'HB', 'GD', 'SZ']) as j;
insert into account (id, party_id, type, state, opened_at, jurisdiction) values
    ('AUCTION_DELIVERY-CN', null, 'AUCTION_DELIVERY', 'OPEN', now(), 'CN'),
    ('STABILITY_RESERVE-CN', null, 'STABILITY_RESERVE', 'OPEN', now(), 'CN'),
    ('VOLUNTARY_CANCELLATION-CN', null, 'VOLUNTARY_CANCELLATION', 'OPEN', now(), 'CN');
insert into account (id, party_id, type, state, opened_at, jurisdiction)
select kind || '-' || p, null, kind, 'OPEN', now(), p
from unnest(array['BJ', 'TJ', 'SH', 'CQ', 'HB', 'GD', 'SZ']) as p,
     unnest(array['MIGRATION_SOURCE', 'MIGRATION_SUSPENSE']) as kind;

-- One cash account per party admitted by the registry; balances arrive with the ledger (postings in fen).
create table cash_account (
    party_id   uuid primary key,
    currency   text        not null default 'CNY' check (currency = 'CNY'),
    status     text        not null check (status in ('OPEN', 'SUSPENDED', 'CLOSED')),
    opened_at  timestamptz not null
);

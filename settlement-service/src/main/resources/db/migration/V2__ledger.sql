-- The double-entry ledger (TigerBeetle's model in PostgreSQL). Accounts carry the four counters; the ones whose kind
-- forbids overdraft carry a check the database enforces whatever the code does.
create table ledger_account (
    kind            text    not null,
    owner           text    not null,
    asset           text    not null,
    debits_pending  bigint  not null default 0 check (debits_pending >= 0),
    debits_posted   bigint  not null default 0 check (debits_posted >= 0),
    credits_pending bigint  not null default 0 check (credits_pending >= 0),
    credits_posted  bigint  not null default 0 check (credits_posted >= 0),
    no_overdraft    boolean not null,
    primary key (kind, owner, asset),
    constraint ledger_account_no_overdraft
        check (not no_overdraft or credits_posted - debits_posted - debits_pending >= 0)
);

-- One row per business id (DEPOSIT:<bank reference>, TRADE:<trade id>, ...): the primary key is what makes a
-- redelivered event or a repeated request unable to post twice, even past a bug in the code above it.
create table journal_entry (
    id            text        primary key,
    type          text        not null,
    business_date date        not null,
    pending       boolean     not null,
    state         text        not null check (state in ('PENDING', 'POSTED', 'VOIDED')),
    created_at    timestamptz not null,
    resolved_at   timestamptz,
    check (pending or state = 'POSTED')
);

create table journal_transfer (
    entry_id     text   not null references journal_entry (id),
    seq          int    not null,
    debit_kind   text   not null,
    debit_owner  text   not null,
    credit_kind  text   not null,
    credit_owner text   not null,
    asset        text   not null,
    amount       bigint not null check (amount > 0),
    primary key (entry_id, seq)
);


-- Sale proceeds per party and trade date (net of the seller's fees): usable the same day, withdrawable from T+1.
create table sale_proceeds (
    party_id   uuid   not null,
    trade_date date   not null,
    amount_fen bigint not null check (amount_fen > 0),
    primary key (party_id, trade_date)
);

-- A participant's withdrawal request and the clearing bank's answer; the money lives in the ledger entries
-- WITHDRAWAL:<id> (pending, then posted or voided) and PAYOUT:<id>.
create table withdrawal (
    id             uuid        primary key,
    party_id       uuid        not null,
    amount_fen     bigint      not null check (amount_fen > 0),
    status         text        not null check (status in ('PENDING', 'PAID', 'REJECTED')),
    requested_by   text        not null,
    requested_at   timestamptz not null,
    bank_reference text,
    reason         text,
    decided_at     timestamptz
);

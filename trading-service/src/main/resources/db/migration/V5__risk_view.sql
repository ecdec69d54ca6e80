-- Pre-trade risk's view of each party (rebuilt in memory on start; open orders' reservations come from the journal).

-- The last balance settlement reported per party and asset (CNY in fen, an instrument in tonnes).
create table risk_balance (
    party_id uuid   not null,
    asset    text   not null,
    settled  bigint not null,
    primary key (party_id, asset)
);

-- Changes trading knows of that settlement has not reported yet, under the ledger entry id that will report them
-- (TRADE:<trade id>, UNITS_IN:<registry transaction>/<line>); deleted when that entry's event arrives.
create table risk_delta (
    party_id uuid   not null,
    entry_id text   not null,
    asset    text   not null,
    delta    bigint not null,
    primary key (party_id, entry_id, asset)
);

-- Units-in entries settlement reported before the registry's event reached trading: that event then adds nothing.
create table reported_entry (
    party_id uuid not null,
    entry_id text not null,
    primary key (party_id, entry_id)
);

-- Every trade, recorded once by its id (also from journal replay) in the transaction that writes its event.
create table trade (
    trade_id        text primary key,
    instrument      text        not null,
    buyer_party_id  uuid        not null,
    seller_party_id uuid        not null,
    quantity        bigint      not null check (quantity > 0),
    price_fen       bigint      not null check (price_fen > 0),
    buyer_fee_fen   bigint      not null check (buyer_fee_fen >= 0),
    seller_fee_fen  bigint      not null check (seller_fee_fen >= 0),
    mode            text        not null,
    executed_at     timestamptz not null
);

-- Withdrawals settlement asked trading to set aside; gone once the ledger event of entry_id arrives.
create table withdrawal_hold (
    hold_id   text primary key,
    party_id  uuid        not null,
    asset     text        not null,
    amount    bigint      not null check (amount > 0),
    entry_id  text        not null,
    held_at   timestamptz not null
);
create index withdrawal_hold_entry on withdrawal_hold (party_id, entry_id);

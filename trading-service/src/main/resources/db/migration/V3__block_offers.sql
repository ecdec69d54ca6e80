-- Block agreement offers: posted during the block session, accepted at most once, by the addressee or, when the
-- offer is open to all, by anyone but the poster. An accepted offer is also the record of its trade.
create table block_offer (
    id          bigint generated always as identity primary key,
    poster      uuid        not null,
    instrument  text        not null,
    side        text        not null check (side in ('BUY', 'SELL')),
    quantity    bigint      not null check (quantity > 0),
    price_fen   bigint      not null check (price_fen > 0),
    addressee   uuid check (addressee <> poster),
    state       text        not null check (state in ('OPEN', 'ACCEPTED', 'WITHDRAWN', 'EXPIRED')),
    posted_at   timestamptz not null,
    expires_at  timestamptz not null check (expires_at > posted_at),
    closed_at   timestamptz,
    accepted_by uuid check (accepted_by <> poster),
    trade_id    text unique,
    check ((state = 'OPEN') = (closed_at is null)),
    check ((state = 'ACCEPTED') = (accepted_by is not null) and (accepted_by is null) = (trade_id is null))
);

create index block_offer_poster on block_offer (poster);
create index block_offer_addressee on block_offer (addressee);
create index block_offer_accepted_by on block_offer (accepted_by);
-- Offers open to all while they are open, and the expiry sweep.
create index block_offer_open on block_offer (expires_at) where state = 'OPEN';

-- Market data: every trade as printed (no parties), candles per interval and the daily statistics, so that they
-- survive a restart. Written by one writer in the order the desks printed the trades.
create table market_trade (
    trade_id    text primary key,
    instrument  text        not null,
    price_fen   bigint      not null check (price_fen > 0),
    quantity    bigint      not null check (quantity > 0),
    mode        text        not null check (mode in ('CONTINUOUS', 'BLOCK', 'AUCTION')),
    executed_at timestamptz not null,
    trading_day date        not null,
    -- The order trades were recorded in: the newest-first page order among trades of the same instant.
    recorded    bigint generated always as identity
);
create index market_trade_by_instrument on market_trade (instrument, recorded desc);

-- Prices are null in a bucket that saw only block trades (they count in volume, set no price).
create table candle (
    instrument   text        not null,
    width        text        not null check (width in ('1m', '1h', '1d')),
    starts_at    timestamptz not null,
    open_fen     bigint,
    high_fen     bigint,
    low_fen      bigint,
    close_fen    bigint,
    volume       bigint      not null check (volume > 0),
    turnover_fen bigint      not null check (turnover_fen > 0),
    trades       integer     not null check (trades > 0),
    primary key (instrument, width, starts_at)
);

-- first/high/low/last and the priced volume and turnover cover price-forming trades only; volume, turnover and
-- trades cover all. The close (volume-weighted average) is derived, not stored.
create table daily_statistics (
    instrument          text    not null,
    trading_day         date    not null,
    previous_close_fen  bigint  not null check (previous_close_fen > 0),
    first_fen           bigint,
    high_fen            bigint,
    low_fen             bigint,
    last_fen            bigint,
    priced_volume       bigint  not null,
    priced_turnover_fen bigint  not null,
    volume              bigint  not null,
    turnover_fen        bigint  not null,
    trades              integer not null,
    primary key (instrument, trading_day)
);

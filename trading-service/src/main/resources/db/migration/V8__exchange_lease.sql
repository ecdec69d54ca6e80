-- Who runs the exchange: one row, held by the active instance, renewed well inside its duration. Every taking of
-- the lease raises the epoch, and the journal records carry their writer's epoch, so records of a deposed leader
-- that reach the journal after its successor's first record are refused on replay.
create table exchange_lease (
    name       text        primary key,
    holder     text        not null,
    epoch      bigint      not null check (epoch > 0),
    expires_at timestamptz not null
);

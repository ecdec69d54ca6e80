-- Instruments the exchange operator listed while the service runs (a new vintage each year), beside those listed
-- with the service (instruments/listed-instruments.json). A listing is never changed or removed: the journal's
-- records and the snapshots name it.
create table instrument_listing (
    code                text        primary key,
    reference_close_fen bigint      not null check (reference_close_fen > 0),
    source              text        not null check (length(source) between 1 and 500),
    listed_by           text        not null,
    listed_at           timestamptz not null
);

-- Each accepted CSV upload of a year's activity data, once per content (SHA-256 of the body) and verified flag: the
-- same file again is answered with this receipt and writes nothing, while the regulator confirming a file a
-- province uploaded unverified is an upload of its own.
create table activity_upload (
    upload_id    uuid primary key,
    year         integer     not null,
    content_hash text        not null,
    verified     boolean     not null,
    row_count    integer     not null check (row_count > 0),
    uploaded_by  text        not null,
    uploaded_at  timestamptz not null,
    unique (year, content_hash, verified)
);

-- Activity data: a generating unit's production in one year, which its free allocation is computed from. Entered by
-- the unit's provincial authority or the regulator, one at a time or as a CSV upload; the regulator confirms a
-- year's figures as verified, and only the regulator changes them after that. recorded_at is when the unit's year
-- was first recorded; recorded_by and upload_id name the source of the figures as they stand, updated_at when they
-- last changed.
create table activity_data (
    unit_id                  text    not null references generating_unit (unit_id),
    year                     integer not null,
    electricity_supplied_mwh bigint  not null check (electricity_supplied_mwh >= 0),
    heat_supplied_gj         bigint  not null check (heat_supplied_gj >= 0),
    load_factor              numeric(5,4) not null check (load_factor between 0 and 1),
    heat_supply_ratio        numeric(5,4) not null check (heat_supply_ratio between 0 and 1),
    verified                 boolean not null,
    upload_id                uuid references activity_upload (upload_id),
    recorded_by              text    not null,
    recorded_at              timestamptz not null,
    updated_at               timestamptz not null,
    primary key (unit_id, year)
);

create index activity_data_year on activity_data (year);

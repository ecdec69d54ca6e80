-- Imports of the pilots' registry exports: one job per upload, run in the background, committed whole or not at all.
create table migration_job (
    id             uuid primary key,
    pilot          text        not null check (pilot in ('BJ', 'TJ', 'SH', 'CQ', 'HB', 'GD', 'SZ')),
    upload_sha256  text        not null,
    files          text[]      not null,
    control        jsonb       not null,
    status         text        not null check (status in ('QUEUED', 'RUNNING', 'COMMITTED', 'FAILED')),
    rows_read      bigint      not null default 0,
    rows_booked    bigint      not null default 0,
    rows_set_aside bigint      not null default 0,
    rows_dropped   bigint      not null default 0,
    rows_failed    bigint      not null default 0,
    report         jsonb,
    requested_by   text        not null,
    requested_at   timestamptz not null,
    started_at     timestamptz,
    finished_at    timestamptz
);

-- The same upload is the same job; a failed job wrote nothing, so its upload may be tried again.
create unique index migration_job_upload on migration_job (pilot, upload_sha256) where status <> 'FAILED';

-- Every row that was not booked to its holder as read: set aside into the suspense account (to be assigned by the
-- regulator later, hence the holder's details), dropped as an exact duplicate, or unreadable.
create table migration_issue (
    job_id        uuid   not null references migration_job (id),
    seq           int    not null,
    outcome       text   not null check (outcome in ('SET_ASIDE', 'DROPPED', 'FAILED')),
    file          text   not null,
    line          int    not null,
    reason        text   not null,
    pilot_account text,
    holder_name   text,
    identity_code text,
    instrument    text,
    tonnes        bigint,
    primary key (job_id, seq)
);

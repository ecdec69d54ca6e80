-- Scheduled jobs that must run once across a service's replicas (platform.job): the lease a run holds, and a record
-- of every run, one per job and due time (the period's start), which is what makes a period run once.
create table job_lease (
    job        text        primary key,
    owner      text        not null,
    epoch      bigint      not null,
    expires_at timestamptz not null
);

create table job_run (
    job         text        not null,
    due_at      timestamptz not null,
    owner       text        not null,
    epoch       bigint      not null,
    started_at  timestamptz not null,
    finished_at timestamptz,
    failure     text,
    primary key (job, due_at)
);

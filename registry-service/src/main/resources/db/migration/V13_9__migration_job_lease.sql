-- Import jobs with several registry replicas: a job is the instance's that holds its lease (owner, epoch counting
-- the claims, expiry on the database's clock). Only the holder moves its status; a lapsed lease lets an instance
-- that can read the job's upload take it over under the next epoch.
alter table migration_job
    add column owner            text,
    add column epoch            bigint not null default 0,
    add column lease_expires_at timestamptz;

-- Jobs left unfinished before leases existed are anyone's to resume.
update migration_job set owner = 'unknown', lease_expires_at = now() where status in ('QUEUED', 'RUNNING');

alter table migration_job add constraint migration_job_leased
    check (status not in ('QUEUED', 'RUNNING') or (owner is not null and lease_expires_at is not null));

-- COMMITTED and FAILED are ends: whatever an instance's statement says, neither turns into anything else.
create function migration_job_stays_ended() returns trigger language plpgsql as $$
begin
    if old.status in ('COMMITTED', 'FAILED') and new.status <> old.status then
        raise exception 'migration job % is % and stays so, not %', old.id, old.status, new.status;
    end if;
    return new;
end
$$;

create trigger migration_job_stays_ended before update of status on migration_job
    for each row execute function migration_job_stays_ended();

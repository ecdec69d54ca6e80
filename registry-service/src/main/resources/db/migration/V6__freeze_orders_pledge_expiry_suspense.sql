-- A freeze order holds a stated quantity of a holder's units (AVAILABLE to FROZEN) on a court's or an authority's
-- order, until the regulator lifts it; freezing a whole account is the account's state instead.
create table freeze_order (
    id                  uuid primary key,
    account_id          text        not null references account (id),
    instrument          text        not null,
    quantity            bigint      not null check (quantity > 0),
    reason              text        not null,
    authority           text        not null,
    status              text        not null check (status in ('ACTIVE', 'LIFTED')),
    freeze_transaction  uuid        not null references registry_transaction (id),
    lift_transaction    uuid references registry_transaction (id),
    ordered_by          text        not null,
    ordered_at          timestamptz not null,
    lifted_by           text,
    lifted_at           timestamptz
);

create index freeze_order_account on freeze_order (account_id, status);

-- A pledge whose term ended is released by the registry itself (EXPIRED), not by its pledgee.
alter table pledge drop constraint pledge_status_check;
alter table pledge add constraint pledge_status_check check (status in ('ACTIVE', 'RELEASED', 'EXPIRED'));
create index pledge_expiry on pledge (expires_on) where status = 'ACTIVE';

-- The regulator's assignment of a pilot account's set-aside units (in the pilot's suspense account) to the national
-- party it has identified as their holder: once per job and pilot account.
create table suspense_assignment (
    job_id          uuid        not null references migration_job (id),
    pilot_account   text        not null,
    party_id        uuid        not null,
    transaction_id  uuid        not null references registry_transaction (id),
    evidence        text        not null,
    assigned_by     text        not null,
    assigned_at     timestamptz not null,
    primary key (job_id, pilot_account)
);

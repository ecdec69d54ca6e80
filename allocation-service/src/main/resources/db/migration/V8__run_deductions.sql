-- What a run took off an entity's allocation for a shortfall it left unsurrendered in the previous period.
alter table run_entity add column deducted_tonnes bigint not null default 0 check (deducted_tonnes >= 0);

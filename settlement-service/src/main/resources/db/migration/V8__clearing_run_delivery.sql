-- What became of each clearing run's delivery instructions at the registry, as its answers on registry.transactions
-- tell it: PUBLISHED (sent, no answer yet), DELIVERED (booked whole as a SETTLEMENT_DELIVERY transaction) or
-- REJECTED (refused whole, with the registry's code and reason). A run without unit movements sends nothing.
alter table clearing_run
    add column delivery_state          text,
    add column delivery_published_at   timestamptz,
    add column delivery_publications   int not null default 0,
    add column delivery_transaction_id uuid,
    add column delivered_at            timestamptz,
    add column rejection_code          text,
    add column rejection_reason        text,
    add column rejected_at             timestamptz;

-- Runs made before this migration published their instructions when they were made (if they had any to send);
-- the registry's answers to them are read from the start of registry.transactions by a new consumer group.
update clearing_run r set
    delivery_state = case when exists (select 1 from net_position p where p.run_id = r.run_id and p.net_units <> 0)
        then 'PUBLISHED' else 'NOTHING_TO_DELIVER' end,
    delivery_published_at = case when exists (select 1 from net_position p where p.run_id = r.run_id
        and p.net_units <> 0) then r.completed_at end,
    delivery_publications = case when exists (select 1 from net_position p where p.run_id = r.run_id
        and p.net_units <> 0) then 1 else 0 end;

alter table clearing_run
    alter column delivery_state set not null,
    add constraint clearing_run_delivery_state
        check (delivery_state in ('NOTHING_TO_DELIVER', 'PUBLISHED', 'DELIVERED', 'REJECTED'));

-- A registry booking is matched against the runs still waiting for one: few at any time, found by this index.
create index clearing_run_awaiting_delivery on clearing_run (trade_date) where delivery_state in ('PUBLISHED', 'REJECTED');

-- Each clearing run's delivery instructions, booked whole or rejected whole, once per run id.
create table delivery_run (
    run_id         text primary key,
    trade_date     date        not null,
    status         text        not null check (status in ('BOOKED', 'REJECTED')),
    transaction_id uuid references registry_transaction (id),
    reason_code    text,
    reason         text,
    received_at    timestamptz not null
);

-- Each issuance instruction from allocation and what became of it, once per instruction id: BOOKED (issued),
-- RETURNED (a claw-back carried out; transaction_id is null when nothing could be returned) or REFUSED (nothing
-- booked; the record is replaced when the instruction is resent and can then be carried out). Instructions booked
-- before this table existed have no record: their booking's idempotency key is the instruction id.
create table issuance_instruction (
    instruction_id text primary key,
    reason         text        not null,
    instrument     text        not null,
    status         text        not null check (status in ('BOOKED', 'RETURNED', 'REFUSED')),
    transaction_id uuid references registry_transaction (id),
    refusal_code   text,
    refusal        text,
    received_at    timestamptz not null
);

-- What a claw-back could not take back because the party no longer held it: its allocation debt, per instruction.
create table allocation_debt (
    instruction_id text        not null references issuance_instruction (instruction_id),
    party_id       uuid        not null references party (id),
    instrument     text        not null,
    tonnes         bigint      not null check (tonnes > 0),
    recorded_at    timestamptz not null,
    primary key (instruction_id, party_id)
);

create index allocation_debt_party on allocation_debt (party_id, instrument);

-- The record of transactions is append-only, which the database now enforces: no statement may update, delete or
-- truncate a transaction, its lines or an audit record (a tamper has to get past these triggers first, and the
-- audit chain still shows what it changed). Statement-level, so an insert pays nothing.
create function refuse_change_to_record() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'integrity_constraint_violation';
end
$$;

create trigger registry_transaction_append_only before update or delete or truncate on registry_transaction
    for each statement execute function refuse_change_to_record();
create trigger transaction_line_append_only before update or delete or truncate on transaction_line
    for each statement execute function refuse_change_to_record();
create trigger audit_record_append_only before update or delete or truncate on audit_record
    for each statement execute function refuse_change_to_record();

-- With nothing ever removed from the record, the foreign keys from the rows a booking writes to the transaction it
-- writes with them (its lines, its audit queue entry, later its audit record) could only fail on a bug that writes
-- them apart, and each cost, per inserted row, a lookup, a row lock and (the service's connections force custom
-- plans) a planning of the check: together 40% of the database's CPU per transfer (277 -> 160-176 us) and a third
-- of the transfers per second (registry benchmark, 2026-11-26). The
-- lines' accounts are checked by the booking, which share-locks every account it moves units of, and by the
-- holdings' own foreign key. The foreign keys from pledges, freeze orders, delivery runs and migration
-- assignments (one row per business event, not per transfer) stay.
alter table transaction_line drop constraint transaction_line_transaction_id_fkey,
                             drop constraint transaction_line_account_id_fkey;
alter table audit_pending drop constraint audit_pending_transaction_id_fkey;
alter table audit_record drop constraint audit_record_transaction_id_fkey;

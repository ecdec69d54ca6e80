-- A booked transaction waits here to be chained: the booking inserts its row, the chainer deletes it in the same
-- database transaction that appends its audit record. Transactions stay insert-only: before, chaining updated each
-- transaction row (audit_seq), writing the wide row and its five index entries a second time.
create table audit_pending (
    transaction_seq bigint primary key,
    transaction_id  uuid not null references registry_transaction (id)
);

insert into audit_pending (transaction_seq, transaction_id)
select seq, id from registry_transaction where audit_seq is null;

drop index registry_transaction_unchained;
alter table registry_transaction drop column audit_seq;

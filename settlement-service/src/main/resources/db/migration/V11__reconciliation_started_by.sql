-- Who started each reconciliation: the scheduled job's name (settlement.reconciliation) or the operator's user name.
-- Runs kept before this column existed did not record it.
alter table reconciliation_run add column started_by text not null default 'UNRECORDED';
alter table reconciliation_run alter column started_by drop default;

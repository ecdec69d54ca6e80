-- An entry's transfers are written once, with the entry, and only ever read with it (by its id): they now live in
-- the entry's row. A cleared trade's entry was five rows, five index entries and four foreign-key checks (its four
-- transfers), the clearing's heaviest statement at half rate; it is one row and one index entry now.
create domain ledger_amount as bigint not null check (value > 0);

create type ledger_transfer as (
    debit_kind   text,
    debit_owner  text,
    credit_kind  text,
    credit_owner text,
    asset        text,
    amount       ledger_amount
);

alter table journal_entry add column transfers ledger_transfer[];

update journal_entry e set transfers = (
    select array_agg(row (t.debit_kind, t.debit_owner, t.credit_kind, t.credit_owner, t.asset, t.amount)::ledger_transfer
                     order by t.seq)
    from journal_transfer t
    where t.entry_id = e.id);

alter table journal_entry
    alter column transfers set not null,
    add constraint journal_entry_has_transfers check (cardinality(transfers) > 0);

drop table journal_transfer;

-- The pilots as jurisdictions of the suite (issue 25).

-- Each obligation keeps what its ObligationSet says beyond the figures: the period's jurisdiction (the one issuing its
-- allowance), the sector it covers (Order No. 775's one-market rule compares it) and the offsets it accepts.
-- Obligations kept before were all of national periods: POWER and the national offsets (CCER of any origin).
alter table surrender_obligation add column jurisdiction text;
update surrender_obligation set jurisdiction = case split_part(instrument, '-', 1)
    when 'BEA' then 'BJ' when 'TJEA' then 'TJ' when 'SHEA' then 'SH' when 'CQEA' then 'CQ' when 'HBEA' then 'HB'
    when 'GDEA' then 'GD' when 'SZEA' then 'SZ' else 'CN' end;
alter table surrender_obligation alter column jurisdiction set not null;
alter table surrender_obligation add column sector text;
update surrender_obligation set sector = 'POWER' where jurisdiction = 'CN';
alter table surrender_obligation add column offset_products text[] not null default '{CCER}';
alter table surrender_obligation add column offset_local_region text;
alter table surrender_obligation add column offset_min_local_share_bp int not null default 0
    check (offset_min_local_share_bp between 0 and 10000);
alter table surrender_obligation add column offset_excluded_types text[] not null default '{}';
alter table surrender_obligation alter column offset_products drop default;
alter table surrender_obligation alter column offset_excluded_types drop default;
alter table surrender_obligation alter column offset_min_local_share_bp drop default;

-- Who the national market covers, per sector: what the one-market rule looks up.
create index surrender_obligation_national on surrender_obligation (party_id, sector) where jurisdiction = 'CN';

-- Of a surrender's offsets, those from outside the period's local region (or of unrecorded origin).
alter table surrender add column non_local_offset_tonnes bigint not null default 0;
alter table surrender alter column non_local_offset_tonnes drop default;
alter table surrender add constraint surrender_non_local_within_offsets
    check (non_local_offset_tonnes >= 0 and non_local_offset_tonnes <= offset_tonnes);

-- Every party a pilot's registry was migrated to (also a holder of zero tonnes), first written by the migration's
-- commit or a suspense assignment. Migrations before this table: read back from their MIGRATION transactions (their
-- zero-tonne holders booked nothing and are not known).
create table pilot_holder (
    pilot       text        not null,
    party_id    uuid        not null references party (id),
    migrated_at timestamptz not null,
    primary key (pilot, party_id)
);

insert into pilot_holder (pilot, party_id, migrated_at)
select source.jurisdiction, holding.party_id, min(t.booked_at)
from registry_transaction t
join transaction_line out_line on out_line.transaction_id = t.id and out_line.delta < 0
join account source on source.id = out_line.account_id and source.type in ('MIGRATION_SOURCE', 'MIGRATION_SUSPENSE')
join transaction_line in_line on in_line.transaction_id = t.id and in_line.delta > 0
join account holding on holding.id = in_line.account_id and holding.type = 'HOLDING'
where t.type = 'MIGRATION'
group by source.jurisdiction, holding.party_id;

create index pilot_holder_party on pilot_holder (party_id);

-- Order No. 775's one-market rule, for the regulator: a migrated pilot holder that the national market covers (it has
-- a national obligation). Once per party and pilot, raised by the migration's commit or by the national obligation
-- that arrived later.
create table one_market_flag (
    party_id           uuid        not null references party (id),
    pilot              text        not null,
    national_period_id text        not null,
    sector             text        not null,
    raised_on          text        not null check (raised_on in ('MIGRATION', 'NATIONAL_OBLIGATION')),
    raised_at          timestamptz not null,
    primary key (party_id, pilot)
);

insert into one_market_flag (party_id, pilot, national_period_id, sector, raised_on, raised_at)
select distinct on (h.party_id, h.pilot) h.party_id, h.pilot, o.period_id, o.sector,
       case when o.set_at > h.migrated_at then 'NATIONAL_OBLIGATION' else 'MIGRATION' end,
       greatest(o.set_at, h.migrated_at)
from pilot_holder h
join surrender_obligation o on o.party_id = h.party_id and o.jurisdiction = 'CN'
order by h.party_id, h.pilot, o.set_at, o.period_id;

-- Offset credits issued with their origin, once per issuance id, with the project they come from.
create table offset_issuance (
    issuance_id    text        primary key,
    party_id       uuid        not null references party (id),
    instrument     text        not null,
    quantity       bigint      not null check (quantity > 0),
    project_id     text        not null,
    project_name   text        not null,
    transaction_id uuid        not null unique references registry_transaction (id),
    issued_by      text        not null,
    issued_at      timestamptz not null
);

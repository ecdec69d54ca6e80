-- Primary auctions (allocation asks for them) beside the operator's: a reference, lots, a per-bidder cap, the party
-- types that may bid and the stability reserve's terms. What sells may now be less than the volume (a floor
-- withholding, a partly released containment volume) or more (the whole release), and the demand is kept.

-- The checks that tied what was allocated to the whole volume go (found by what they say: V4 left them unnamed).
do $$
declare
    constraint_name text;
begin
    for constraint_name in select conname from pg_constraint
                           where conrelid = 'auction'::regclass and contype = 'c'
                             and pg_get_constraintdef(oid) like '%allocated%' loop
        execute format('alter table auction drop constraint %I', constraint_name);
    end loop;
end $$;

-- Tonnes sold at the close: one figure for the auction (each bid keeps its own allocated).
alter table auction rename column allocated to sold;

alter table auction
    add column auction_ref         text unique,
    add column lot_tonnes          bigint,
    add column bidder_cap_tonnes   bigint check (bidder_cap_tonnes > 0),
    add column eligible_types      text check (eligible_types ~ '^[A-Z_]+(,[A-Z_]+)*$'),
    add column ccr_trigger_fen     bigint check (ccr_trigger_fen > 0),
    add column ccr_tonnes          bigint check (ccr_tonnes > 0),
    add column ecr_floor_fen       bigint check (ecr_floor_fen > 0),
    add column ecr_withhold_tonnes bigint check (ecr_withhold_tonnes > 0),
    add column demand              bigint check (demand >= 0);

-- The operator's auctions so far: lots of the listing's quantity step (1 t); their demand, their bids (none was
-- taken below the reserve price); a cancelled one sold nothing.
update auction set lot_tonnes = 1;
update auction set sold = 0 where state = 'CANCELLED';
update auction a set demand = (select coalesce(sum(b.quantity), 0) from auction_bid b
                               where b.auction_id = a.id and b.price_fen >= a.reserve_fen)
where state <> 'ANNOUNCED';

alter table auction
    alter column lot_tonnes set not null,
    add constraint auction_lots check (lot_tonnes > 0 and quantity % lot_tonnes = 0
        and coalesce(ccr_tonnes, 0) % lot_tonnes = 0 and coalesce(ecr_withhold_tonnes, 0) % lot_tonnes = 0),
    add constraint auction_cost_containment check ((ccr_trigger_fen is null) = (ccr_tonnes is null)),
    add constraint auction_emissions_containment check ((ecr_floor_fen is null) = (ecr_withhold_tonnes is null)
        and ecr_withhold_tonnes < quantity),
    add constraint auction_closed check ((state = 'ANNOUNCED') = (sold is null)
        and (state = 'ANNOUNCED') = (demand is null) and (state = 'CLEARED') = (clearing_fen is not null)),
    add constraint auction_sold check (state = 'ANNOUNCED' or state = 'CANCELLED' and sold = 0
        or state = 'CLEARED' and sold between 1 and quantity + coalesce(ccr_tonnes, 0));

-- Units leave trading by one path: a participant's withdrawal (its id a UUID from the idempotency key) or an
-- auctioneer's unsold units (the auction's release id, e.g. CN-2025-A01-ECR_WITHHELD), which go to a national account
-- (destination) instead of the party's own AVAILABLE holding.
alter table unit_withdrawal alter column id type text using id::text;
alter table unit_withdrawal add column destination text;

-- The auction revenue report reads the auctioneers' sales; only auction trades are indexed, so clearing the
-- continuous market's trades pays nothing for it.
create index cleared_trade_auction_sales on cleared_trade (seller_id, trade_date) where mode = 'AUCTION';

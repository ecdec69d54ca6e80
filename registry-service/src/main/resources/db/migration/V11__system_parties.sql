-- The market's own parties (each jurisdiction's auctioneer, contracts SystemParties) have no legal identity: their
-- ids are fixed by the market and the registry registers them itself, holding a system account (the auction delivery
-- account) instead of a HOLDING account. Every participant still registers with its identity (PartyRegistration).
alter table party alter column identity_code drop not null;

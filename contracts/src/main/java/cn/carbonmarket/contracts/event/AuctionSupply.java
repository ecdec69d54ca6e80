package cn.carbonmarket.contracts.event;

import cn.carbonmarket.contracts.unit.InstrumentCode;

/**
 * Allocation asks the registry to put a primary auction's volume into trading, in the auctioneer's name
 * ({@link cn.carbonmarket.contracts.party.SystemParties}): {@code fromIssuanceTonnes} issued from the jurisdiction's
 * issuance account into its auction delivery account (AUCTION_DELIVERY), {@code fromReserveTonnes} moved there from
 * its stability reserve (RESERVE_RELEASE: the cost containment volume offered above the trigger price), and then all
 * of it from AVAILABLE to IN_TRADING (TO_TRADING), in one booking, once per instruction id. The registry answers on
 * {@code registry.transactions}: the TO_TRADING {@link TransactionBooked} has the instruction id as its reference;
 * or an {@link IssuanceRefused} (nothing booked; for example the reserve holds less than asked). Keyed by
 * instruction id on {@code allocation.issuance-instructions}.
 */
public record AuctionSupply(String instructionId, String auctionRef, InstrumentCode instrument,
                            long fromIssuanceTonnes, long fromReserveTonnes) {

    public static final EventType<AuctionSupply> TYPE = new EventType<>("AuctionSupply", 1, AuctionSupply.class,
            Topics.ALLOCATION_ISSUANCE_INSTRUCTIONS);

    public long totalTonnes() {
        return Math.addExact(fromIssuanceTonnes, fromReserveTonnes);
    }
}

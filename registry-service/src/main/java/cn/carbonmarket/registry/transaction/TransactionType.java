package cn.carbonmarket.registry.transaction;

/** Every kind of movement the registry books. */
public enum TransactionType {
    ISSUANCE,
    ALLOCATION,
    /** Excess free allocation taken back from a holder into the issuance account (a claw-back). */
    ALLOCATION_RETURN,
    /** Issued to auction winners, or (a primary auction's supply) to the auctioneer's auction delivery account. */
    AUCTION_DELIVERY,
    TRANSFER,
    TO_TRADING,
    FROM_TRADING,
    SETTLEMENT_DELIVERY,
    SURRENDER,
    VOLUNTARY_CANCELLATION,
    PLEDGE,
    PLEDGE_RELEASE,
    FREEZE,
    UNFREEZE,
    MIGRATION,
    /**
     * Into the stability reserve: set aside from the issuance account at allocation, or an auction's unsold or
     * unreleased units from the auctioneer's units in trading. The only way into a reserve account.
     */
    RESERVE_INTAKE,
    /** Out of the stability reserve into the auction delivery account, offered at an auction. The only way out. */
    RESERVE_RELEASE,
    /** An auction's unsold units from the auctioneer's units in trading back to the issuance account. */
    AUCTION_RETURN,
    /** Offset credits of a recorded origin issued from the jurisdiction's issuance account to a party. */
    OFFSET_ISSUANCE
}

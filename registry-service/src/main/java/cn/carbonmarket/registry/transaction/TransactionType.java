package cn.carbonmarket.registry.transaction;

/** Every kind of movement the registry books. */
public enum TransactionType {
    ISSUANCE,
    ALLOCATION,
    /** Excess free allocation taken back from a holder into the issuance account (a claw-back). */
    ALLOCATION_RETURN,
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
    MIGRATION
}

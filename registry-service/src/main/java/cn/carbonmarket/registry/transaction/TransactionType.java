package cn.carbonmarket.registry.transaction;

/** Every kind of movement the registry books. */
public enum TransactionType {
    ISSUANCE,
    ALLOCATION,
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

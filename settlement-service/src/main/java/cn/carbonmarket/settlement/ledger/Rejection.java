package cn.carbonmarket.settlement.ledger;

/** Every reason the ledger or clearing refuses something, each a stable code for clients and logs. */
public enum Rejection {
    EMPTY_ENTRY(Kind.INVALID),
    NON_POSITIVE_AMOUNT(Kind.INVALID),
    /** The two sides of a transfer count different assets, or an account's kind does not count its asset. */
    ASSET_MISMATCH(Kind.INVALID),
    SAME_ACCOUNT(Kind.INVALID),
    /** The sums overflow a long: no real market reaches this, so it is an input error. */
    AMOUNT_OVERFLOW(Kind.INVALID),
    INSUFFICIENT_FUNDS(Kind.RULE),
    INSUFFICIENT_UNITS(Kind.RULE),
    /** Withdrawal of cash that is not withdrawable yet (proceeds of today's sales, from T+1 only). */
    NOT_WITHDRAWABLE(Kind.RULE),
    /** The business id was used before for a different entry. */
    ENTRY_ID_CONFLICT(Kind.CONFLICT),
    PENDING_NOT_FOUND(Kind.NOT_FOUND),
    /** Post or void of an entry that was written posted. */
    NOT_PENDING(Kind.CONFLICT),
    PENDING_ALREADY_POSTED(Kind.CONFLICT),
    PENDING_ALREADY_VOIDED(Kind.CONFLICT),
    /** A trade whose buyer is its seller. */
    SELF_TRADE(Kind.INVALID),
    /** A trade of a trade date whose end-of-day clearing run has already been made. */
    TRADE_DATE_CLOSED(Kind.RULE);

    /** How a refusal maps onto problem+json statuses: 400, 422, 409, 404. */
    public enum Kind { INVALID, RULE, CONFLICT, NOT_FOUND }

    private final Kind kind;

    Rejection(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}

package cn.carbonmarket.trading.orderbook;

/**
 * The outcome of a command: accepted, or the one reason it was refused. The first group is checked by
 * {@link OrderValidation} against the rule pack before an order reaches the book; the second by the book itself.
 */
public enum ResultCode {
    ACCEPTED,

    PRICE_NOT_ON_TICK,
    PRICE_BELOW_BAND,
    PRICE_ABOVE_BAND,
    QUANTITY_NOT_ON_STEP,
    QUANTITY_BELOW_MINIMUM,
    QUANTITY_ABOVE_MAXIMUM,
    LEVEL_OUT_OF_RANGE,

    /** An order with this id is resting in the book. */
    DUPLICATE_ORDER_ID,
    /** No resting order has this id (never placed, already filled or already cancelled). */
    UNKNOWN_ORDER,
    /** The counterparty side has fewer price levels than the one chosen. */
    NO_SUCH_LEVEL;

    public boolean accepted() {
        return this == ACCEPTED;
    }
}

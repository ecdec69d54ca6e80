package cn.carbonmarket.trading.orderbook;

/** Why open quantity left the book without trading. */
public enum CancelReason {
    /** The participant (or the operator on its behalf) cancelled the order. */
    REQUESTED,
    /** What an immediate-or-cancel order could not fill at once. */
    IMMEDIATE_OR_CANCEL_REMAINDER
}

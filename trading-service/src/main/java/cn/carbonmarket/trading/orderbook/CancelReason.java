package cn.carbonmarket.trading.orderbook;

/** Why open quantity left the book without trading. */
public enum CancelReason {
    /** The participant (or the operator on its behalf) cancelled the order. */
    REQUESTED,
    /** What an immediate-or-cancel order could not fill at once. */
    IMMEDIATE_OR_CANCEL_REMAINDER,
    /**
     * The incoming order would next have traded with a resting order of its own party: what it had not filled by
     * then is cancelled ("cancel the newest"), the resting order stays.
     */
    SELF_TRADE_PREVENTED
}

package cn.carbonmarket.trading.engine;

/**
 * Where an order stands. Derived from its quantities, so it can never disagree with them: a partly filled order
 * whose remainder was cancelled is CANCELLED with a non-zero filled quantity.
 */
public enum OrderState {
    /** Accepted, nothing filled yet, all of it open. */
    NEW,
    PARTIALLY_FILLED,
    FILLED,
    /** Some or all of it left the book without trading (by request, an immediate-or-cancel remainder, or self-trade
     * prevention). */
    CANCELLED,
    /** Still open when its trading day ended: the open remainder counts as cancelled; {@code filled} may be
     * non-zero. */
    EXPIRED,
    /** Accepted by the service but refused by the book (a take at a level the counterparty side does not have). */
    REJECTED
}

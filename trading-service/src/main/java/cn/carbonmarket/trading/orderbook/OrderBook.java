package cn.carbonmarket.trading.orderbook;

import cn.carbonmarket.contracts.trade.Side;

/**
 * The continuous book of one instrument, driven by a single writer: each command runs to completion, reports
 * what happened to its {@link BookEvents} and returns its {@link ResultCode}. Prices are in fen, quantities in
 * whole tonnes, order ids positive and chosen by the caller (the journal's sequence). The book trusts its input:
 * prices and quantities have passed {@link OrderValidation}; it checks only what depends on its own state.
 *
 * <p>Matching is price-time priority: a buy meets the lowest asks first, a sell the highest bids, and within a
 * price the earliest order first; every fill is at the resting order's price.
 *
 * <p>Self-trade prevention, "cancel the newest": each order carries its owner, a number the caller assigns per
 * party. When an incoming order would next trade with a resting order of the same owner, matching stops there:
 * its fills so far stand, its remainder is cancelled ({@link CancelReason#SELF_TRADE_PREVENTED}) instead of
 * resting, and the owner's resting order is left as it was. Nobody's priority changes: the incoming order never
 * skips its own order to reach later ones.
 */
public interface OrderBook {

    /** A limit order: trades against every crossing resting order, then rests with what is left. */
    ResultCode place(long orderId, int owner, Side side, long price, long quantity);

    /**
     * The listing-agreement execution: trades immediately against the counterparty side's {@code level}-th best
     * price (1 = best) at that price, in time priority within the level, and cancels what it could not fill.
     */
    ResultCode takeAtLevel(long orderId, int owner, Side side, int level, long quantity);

    /** Cancels the open remainder of a resting order. */
    ResultCode cancel(long orderId);

    /** The open (resting) quantity of an order, 0 once it is filled, cancelled or unknown. */
    long openQuantity(long orderId);

    /** Writes the best {@code depth.levels()} price levels of each side into {@code depth}. */
    void depth(Depth depth);
}

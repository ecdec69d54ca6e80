package cn.carbonmarket.trading.orderbook;

import cn.carbonmarket.contracts.trade.Side;

/**
 * What a book reports while it executes a command, in the order it happens. Primitive arguments so that the
 * fast book allocates nothing per event; the service turns them into journal entries, trades and market data.
 */
public interface BookEvents {

    /**
     * One fill between a resting (maker) order and the incoming (taker) order, at the maker's price.
     *
     * @param makerRemaining what stays open of the maker after this fill (0 = it left the book)
     * @param takerRemaining what the taker still has to execute after this fill
     */
    void traded(long makerOrderId, long takerOrderId, Side takerSide, long price, long quantity, long makerRemaining,
                long takerRemaining);

    /** The open remainder of a limit order now rests in the book at its price, behind earlier orders. */
    void rested(long orderId, Side side, long price, long quantity);

    /** Open quantity left the book without trading. */
    void cancelled(long orderId, long quantity, CancelReason reason);
}

package cn.carbonmarket.trading.orderbook;

/**
 * An order of the fast book: a node of its price level's intrusive FIFO queue, taken from and returned to a pool
 * so that the steady state allocates nothing.
 */
final class RestingOrder {
    long id;
    /** The party number the caller gave the order, for self-trade prevention. */
    int owner;
    long open;
    int level;
    Ladder ladder;
    RestingOrder previous;
    RestingOrder next;
}

package cn.carbonmarket.trading.orderbook;

/** Which side of the book an order stands on. */
public enum Side {
    BUY,
    SELL;

    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }
}

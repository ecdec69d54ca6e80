package cn.carbonmarket.contracts.trade;

/** The side of an order or of a trade: the buyer's or the seller's. */
public enum Side {
    BUY,
    SELL;

    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }
}

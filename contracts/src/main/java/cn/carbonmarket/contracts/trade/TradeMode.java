package cn.carbonmarket.contracts.trade;

/** How a trade was made on the exchange: fees differ by mode, and auction buyers pay from reserved collateral. */
public enum TradeMode {
    /** Listing agreement trading (挂牌协议交易), matched continuously. */
    CONTINUOUS,
    /** Block agreement trading (大宗协议交易), 100,000 t and more. */
    BLOCK,
    /** One-way auction (单向竞价): the buyer's cash was reserved as collateral before bidding. */
    AUCTION
}

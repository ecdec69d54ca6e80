package cn.carbonmarket.trading.calendar;

/** The ways the exchange trades, each with its own sessions. */
public enum TradingMode {
    /** Listing-agreement trading: the continuous book. */
    LISTING,
    /** Block agreement trading between two named parties. */
    BLOCK
}

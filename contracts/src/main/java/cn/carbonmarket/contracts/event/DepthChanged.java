package cn.carbonmarket.contracts.event;

import cn.carbonmarket.contracts.unit.InstrumentCode;
import java.time.Instant;
import java.util.List;

/**
 * An instrument's best price levels a side (best first) as they stand at {@code at}, with the day's reference
 * prices in fen and whether the operator halted it. Conflated: a reader sees the latest book, not every change.
 * Keyed by instrument on {@code trading.market-data}.
 */
public record DepthChanged(InstrumentCode instrument, List<Level> bids, List<Level> asks, long previousCloseFen,
                           long lastFen, long volume, boolean halted, Instant at) {

    public static final EventType<DepthChanged> TYPE = new EventType<>("DepthChanged", 1, DepthChanged.class,
            Topics.TRADING_MARKET_DATA);

    public DepthChanged {
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
    }

    /** One price level: the tonnes open at it and how many orders hold them. */
    public record Level(long priceFen, long quantity, int orders) {
    }
}
